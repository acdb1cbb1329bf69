// The navigation names the page the reader is on: the link whose address is the longest start of
// this page's (the dashboard's link is "/", which sends the reader to a division's dashboard).
document.addEventListener("DOMContentLoaded", () => {
  const path = window.location.pathname;
  let best = null;
  let bestLength = -1;
  for (const link of document.querySelectorAll("header nav a[href]")) {
    let href = link.getAttribute("href");
    if (href === "/") href = /^\/divisions\/\d+\//.test(path) ? path : null;
    if (href && path.startsWith(href) && href.length > bestLength) {
      best = link;
      bestLength = href.length;
    }
  }
  if (!best) return;
  best.setAttribute("aria-current", "page");
  // on a phone the bar scrolls: bring the page's own link into view, without moving the page
  const nav = best.closest("nav");
  if (nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = best.offsetLeft - nav.offsetLeft - (nav.clientWidth - best.offsetWidth) / 2;
  }
});
