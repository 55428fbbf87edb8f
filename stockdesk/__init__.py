"""StockDesk: stock management for essential medicines in public health facilities."""

__version__ = "0.1.0"
