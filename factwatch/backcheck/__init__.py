"""Back-check archive sources on Dask: ``factwatch backcheck``.

    shards.py   the work of one shard, run on a Dask worker: pages -> compact records
    sources.py  turning archive sources into shards (WARC files, index pages), polite fetches
    run.py      the driver: a cluster, shards in flight, one writer, progress, resumption

The unit of work on a page is ``factwatch.work.process_page`` and records are
stored by ``factwatch.work.Writer``, as in a live pass.
"""
