"""The extractors: one module per kind of fact, all reading the one structural view of a Document.

* :mod:`.structure`      the document's structure, built once (header, title, sections, labelled fields,
                         task tables, signature, recipients) — every other module reads it
* :mod:`.dates`          the Vietnamese time-expression grammar
* :mod:`.nlp`            underthesea words as a spaCy ``Doc`` (sentence splitting, Matcher patterns)
* :mod:`.metadata`       issuer, number, place and date, kind, title, signer, unit
* :mod:`.timeline`       deadlines and milestones (roles of the dates)
* :mod:`.quotas`         minimum counts imposed on kinds of units
* :mod:`.references`     cited documents
* :mod:`.registrations`  rows of filled registration tables

Extractors import the model, textnorm and the lexicon; never a reader, the store or the reports.
"""
