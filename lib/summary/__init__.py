"""The written summary (情况简报): sentences built from the same lib figures the page shows (pure, no Streamlit).

One module per page returns its sentences; `wording` words a change by whether it is beyond chance, so that a
change within the noise is never called a rise or a fall. Counts go through the reader's `Audience`: in the
public copy a small count reads "<3" and no change built on it is stated.
"""
