"""CSL 1.0.2 "Date": localized dates, date ranges, literal dates."""
