"""pipeline: Vietnamese official circulars and registration forms -> tables, spreadsheets, calendars."""

__version__ = "0.1.0"
