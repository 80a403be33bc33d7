"""The extraction rules, one module per family of phrasings.

Mention families (spans that name something): :mod:`.organisations`, :mod:`.people`,
:mod:`.references` (descriptions and pronouns standing for an actor named earlier).
Relation families (facts over a masked sentence, see :mod:`qkg.loaders.context`):
:mod:`.investments`, :mod:`.places`, :mod:`.membership` (membership and leadership),
:mod:`.technologies`, :mod:`.affiliation` (of people), :mod:`.competition`, and
:mod:`.agreements` (n-ary agreements and partnerships). :mod:`.rule` holds what the
relation families share; :mod:`.words` reads their word lists from ``loaders/data/words``.

The package imports none of its modules here, so that any module can be imported alone.
"""
