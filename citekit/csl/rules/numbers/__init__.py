"""CSL 1.0.2 "Number", "Page Ranges" and "Locators": cs:number and number variables."""
