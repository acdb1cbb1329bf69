// Place picker (templatetag place_picker): the name chosen in the search box puts its code in the hidden field.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-place-picker]").forEach((input) => {
    const hidden = document.getElementById(input.dataset.placePicker);
    const options = document.getElementById(input.getAttribute("list")).options;
    const sync = () => {
      const text = input.value.trim();
      const option = Array.from(options).find((o) => o.value === text || o.dataset.code === text);
      if (option) hidden.value = option.dataset.code;
      else if (text === "") hidden.value = "";
      input.setCustomValidity(option || text === "" ? "" : input.dataset.unknown);
      if (!option && text !== "") input.reportValidity();
      else if (option && input.form && input.form.hasAttribute("data-autosubmit")) input.form.requestSubmit();
    };
    // runs before the form's own change handlers (htmx listens on the form, where the event arrives later)
    input.addEventListener("change", sync);
    input.addEventListener("input", () => input.setCustomValidity(""));
  });
});
