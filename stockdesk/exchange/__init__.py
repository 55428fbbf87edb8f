"""Files in and out (CSV, XLSX, PDF) from plain rows; no database, no Qt."""
