"""Claim matching: check article statements against a facts file.

The facts (read once per facts file):
  facts_schema.py     the keys a facts file may hold, and the check that enforces them:
                      the entry point over schema_keys.py (the Key record and the values
                      some keys take), schema_example.py (the example election's
                      entries), schema_tables.py (SCHEMA), schema_check.py (the Checker,
                      and the Locator that finds a key's line) and schema_values.py
                      (figures and dates as a file writes them)
  facts.py            read a facts file (format 2, plain data) into the model: the entry
                      point over facts_records.py (Facts, Election, Candidate),
                      facts_read.py (reading and merging files) and facts_builder.py
                      (a document into Facts), which reads through facts_names.py
                      (slugs, sources, people), facts_candidates.py, facts_contests.py
                      and facts_statements.py (the claims, and the facts in words);
                      facts_earlier.py reads counts later replaced (a recount)
  model.py            the plain records: people, contests, figures, facts, claims
  derive.py           every figure the facts imply: the entry point, which reads and checks
                      the count's rounds, over derive_votes.py (each round's votes,
                      shares on each basis and margins) and derive_recorded.py (the
                      count's totals, turnout, nominations and the file's own figures)
  facts_convert.py    a format 1 file (regular expressions) into a format 2 draft

The grammar (package data in grammar/, read by lexicon.py and concepts.py):
  lexicon.py          word classes of the built-in grammar, and text normalisation
  concepts.py         sentences as sets of concepts, for claims in plain words
  claim_index.py      the known false claims as sets of concepts, indexed in bitmaps
                      (bitsets.py: many small sets tested at once)

Reading an article (per article):
  text.py             sentences, clauses, quotations, speakers and voice
  entities.py         who and what a sentence names
  scope_signals.py    the signs in a clause that place it in a contest: the entry point,
                      which keeps their order and time counted in years, over
                      scope_time.py (the article's time, written years, time words),
                      scope_people.py (the people named), scope_other.py (another kind
                      of election or organisation) and scope_office.py (another office)
  scope.py            which contest a clause is about, and where the article stands in time
  field.py            statements of the size of a field ("three candidates")
  numbers.py          numbers as journalists write them, with their qualifiers
  owners.py           whose a number is; margin_sides.py a margin's two sides
  rounds.py           which round of the count a number belongs to
  measures.py         what a number measures: the entry point over
                      measure_frames.py, measure_shares.py, measure_counts.py,
                      measure_totals.py, measure_labels.py (a box of figures) and
                      measure_words.py
  precision.py        whether a number as written agrees with a recorded figure
  earlier.py          whether a number of a count later replaced is said of that count
  framing_words.py    the words framing reads; framing_sets.py and framing_phrases.py
                      the phrases that presume how many stood or lost

Judging (rules/, one module per kind behind one registry) and running:
  rules/              framing, omission, figures and placings, claims
  matcher.py          Matcher: every rule over an article
"""
