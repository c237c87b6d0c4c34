"""Each page's cached figure functions, one module per page: Streamlit caching around lib/metrics, nothing else.

Every function takes the page's DataSource first, so its results follow the data's version."""
