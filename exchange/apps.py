from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = "Import and export"

    def ready(self) -> None:
        from core import downloads

        from .exporting import export_csv, export_xlsx

        # Every recommendations list page downloads as CSV and XLSX.
        downloads.register("recommendations", "csv", export_csv)
        downloads.register("recommendations", "xlsx", export_xlsx)
