"""The Python API: ``evaluate``, ``score`` and ``load_gold``, each answering with a typed
``Result``, in the manner of ``lm_eval.simple_evaluate`` and ``evaluate.load().compute()``.

A front end like the CLI and the plugin: it only composes the layers below, and checks
every input through the contract first, so a bad one is an ``InputError`` with reasons.
"""
