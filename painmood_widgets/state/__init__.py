"""Observable app state: what each app holds and what it derives, with no widgets in it.

Built on traitlets, the library ipywidgets itself stands on, so a notebook, a Voila app,
a test and anything published later drive the same state. Importing it imports neither
ipywidgets nor Altair. Bursts of input changes are coalesced by one mechanism,
:class:`painmood_widgets.state.batching.Debouncer`. Educational, not diagnostic.
"""
