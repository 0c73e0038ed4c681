"""Integrations with other data tools; each lives in its own module and needs its own extra.

- :mod:`milinc.integrations.dask` — parse a ``dask.bag`` of records or a
  ``dask.dataframe`` of texts on a local or distributed cluster
  (``pip install 'dask[bag,dataframe]' pandas pyarrow``, or ``pip install -e '.[dask]'`` in a
  milinc checkout).
"""
