"""Hospital performance from discharge records (病案首页): grouping, indicators, plan targets."""
