"""Server-side exports of a page: charts as PNG, and the briefing document as PDF (no Streamlit here)."""
