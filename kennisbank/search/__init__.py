"""The one kennisbank search: every item type, PostgreSQL full text, facets with counts.

Matching
    Every query runs against ``Item.search_vector`` (title weight A, summary B, body C) with the
    text search configuration ``nl_unaccent`` (unaccent, then Dutch Snowball stemming), always
    named explicitly because the server default is English. "coöperatie" and "cooperatie" meet;
    "samenwerkingen" finds "samenwerking". The user's text goes through
    ``websearch_to_tsquery``: ``"exact phrase"``, ``-exclude`` and ``OR`` work as on web search
    engines, and no input can make it raise. The tsquery is an OR of *variants* of that text:

    * the text itself;
    * synonyms: every abbreviation or synonym from the editors' ``Synonym`` list that occurs in
      the text as whole words (or as a whole quoted phrase) adds variants with the other side
      quoted in its place, so "GR jeugd" also searches ``"gemeenschappelijke regeling" jeugd``
      and the other way round. An excluded term (``-GR``) excludes both sides. Abbreviations
      marked ``exact_uppercase_only`` (GO, OD: also ordinary words) expand only when typed in
      capitals, and are not added for their expansion either: the index is lower case, so an
      added "GO" would also match "go-live". At most ``MAX_VARIANTS`` variants.
    * a prefix fallback for a single plain word (no quotes or operators, four letters or more):
      ``to_tsquery('samenwerking:*')``, stemmed to ``samenwerk:*``. Snowball does not split Dutch
      compounds, so without it "samenwerking" misses "samenwerkingsverband"; and "coöperatie"
      would miss "coöperaties", which Snowball leaves unstemmed. It is a *fallback*: when the
      word on its own already matches about ``PREFIX_FALLBACK_BELOW`` items or more (estimated
      by the probe below) it is dropped, as the compounds then add little but cost a wide index
      scan.

Dutch words (``expand_query``, analysis in ``portal.dutch``)
    A plain query (words only: no quotes, ``-`` or ``OR``, which keep their exact meaning) is
    also read word by word. Each word may match in any of its forms, checked against the
    vocabulary of published titles and summaries (``SearchTerm``): the plurals Snowball leaves
    alone (heffingsunies/heffingsunie, regio's, -iën); the compounds that contain the word
    (samenwerking -> belastingsamenwerking, inkoopsamenwerking; brandweer ->
    brandweerkazernes); its parts when it is a compound no more common than its parts
    (belastingsamenwerking -> belasting & samenwerking, linking s/e/en removed); and, for a word
    not in the vocabulary, the most used known word one edit away, swapped letters included
    (jeugdzrog -> jeugdzorg), whose results come straight away with "Bedoelde u …?". All words
    stay required; the added forms are listed under "Ook gezocht op". This costs two queries
    on the small vocabulary table, whatever the collection size.

Thesaurus (``NarrowerTerm``, ``expand_query``, ``_related_ids``)
    A run of words of a plain query that is a broader term of the editors' thesaurus may also
    be met by its narrower terms (and theirs, at most ``NARROWER_LIMIT``): "sociaal domein" ->
    jeugdzorg, Wmo, …, listed under "Ook gezocht op". The query without them is kept
    (``core_expression``) and alone decides the title and summary tiers, so an item found only
    through a narrower term ranks with the body matches. When the query's own words match
    ``NARROWER_BELOW`` or more titles and summaries (probe estimate), the narrower terms are
    dropped, like the prefix fallback. The other way, the broader terms of the query's words
    weigh in when the related items are chosen.

Partial matches ("met een deel van de woorden")
    When a plain query of several words (or one compound, read as its head and tail) finds
    fewer than a page, the items that match some of the words follow in their own list: most
    coverage first, each word weighted by its rarity (log(1 + pool / matches)) so that
    "belastingen" counts for more than "samenwerking"; then a title/summary match, ts_rank and
    date. Each word contributes at most ``PARTIAL_POOL`` of its newest matches (sizes from the
    probe), so a common word cannot make it slow. These items are not in the total or the facets.

Related items ("lijkt op de beste resultaten")
    A search with fewer than ``RELATED_BELOW`` hits also shows items like its best hits (see
    ``_related_ids``: pseudo-relevance feedback on the rarer title and summary words of the best
    three), before the partial matches. Two small queries, only for such narrow searches.

Relevance (title > summary > body)
    Results are ordered by *tier*: 1 = the query matches the title alone (``ts_filter`` of
    ``head_vector`` to weight A, GIN-indexed), 2 = it needs title and summary together
    (``head_vector``, title A + summary B, GIN-indexed), 3 = it needs the body. Within a tier:
    ``ts_rank`` (over ``head_vector`` for tiers 1-2, ``search_vector`` for tier 3), then newest
    first, then id. A title match therefore always ranks above a summary or body-only match.

    Ranking every match is what makes a broad query slow: at 250,000 items "samenwerking"
    matches nearly all of them. So each tier ranks a *pool*, its ``MAX_RESULTS`` newest matches:
    for a large tier found by walking the date index until the pool is full (items are stored
    roughly in date order), for a small one taken from the GIN index and sorted. A tier's pool is
    only built when the tiers before it do not fill the page. When a tier has fewer matches than
    ``MAX_RESULTS`` (every narrow query) its ranking is exact; for a very broad tier it is "the
    best of the most recent ``MAX_RESULTS``", which for one or two common words, whose ranks are
    nearly flat, loses little. Paging stops after ``MAX_RESULTS`` results in either order (the
    page says so and suggests refining), which also keeps OFFSETs cheap.

Facets
    ``Item.facets`` holds one token per facet value ("k:onderzoek", "t:3", "m:GM0363", …, see
    ``services.facet_tokens``) with a GIN index. Within a facet the chosen values are OR-ed
    (``facets && ARRAY[…]``), across facets AND-ed. All counts come from one statement over two
    row sets, unnested into their tokens: the *matching* rows (every filter passes) count for
    every token, and a pseudo token "*" counts them (the total); the *alternatives* (rows failing
    exactly one filter) count only for the tokens of the facet they fail. So each facet is counted
    with the other filters applied and its other values stay visible with what they would give.
    Values without matches are shown with 0; municipalities show the top ``MUNICIPALITY_TOP`` by
    count plus any chosen ones.

    That statement is linear in the rows it reads, so first a cheap *probe* counts matches (and
    tier sizes) in 4 of the 1024 sample buckets (``id % 1024``, indexed), about 1,000 rows at
    250,000 items. A row set of up to ``EXACT_COUNT_LIMIT`` estimated rows is counted exactly;
    a bigger one is read from only as many buckets as give about ``SAMPLE_TARGET`` rows, and its
    counts are scaled up and shown as estimates ("ca. 12.000"). A narrow query with a broad
    filter thus keeps an exact total and exact counts, with estimates only for the alternatives
    of the filtered facets. The hits themselves are never sampled. The alternatives are read
    once (a materialised CTE, which facet each row fails worked out per row, not per token),
    and when both sets come from one sample the matching rows come from that same read.

Suggestions
    ``SearchTerm`` holds the words of published titles and summaries with their stems (rebuilt by
    ``services.search_terms_refresh``). Each query word of four letters or more whose stem is not
    in that vocabulary is replaced by the most similar known word (pg_trgm ``%`` on a GIN trigram
    index, similarity ≥ ``SUGGEST_MIN_SIMILARITY``): "Bedoelde u …?", offered when the search
    finds fewer than ``SUGGEST_BELOW`` results. A word one edit (or one swap) from a known word
    is replaced by that word whatever the number of results, as it was searched for too. With
    enough results and no such correction nothing is offered, and the look-up is skipped.

Only published items appear: every query starts from ``Item.objects.published()``. The queries
of one search share a transaction with ``work_mem`` raised (exact bitmaps, in-memory hashing),
JIT off (compiling costs more than these short queries take) and a ``statement_timeout`` guard.
The statement that sets them also computes the query's tsqueries once; every later statement
carries them as literals (``TsQueryLiteral``) instead of the tree of calls that builds them.

The package, by concern: `params` (limits, facets, `SearchParams`), `reference` (municipalities,
themes, synonyms, thesaurus), `query` (query text, synonyms, the tsquery), `analysis` (Dutch word
forms against the vocabulary), `sql` (full-text SQL helpers), `results` (what a search returns),
`engine` (the search itself) and `saved` (saved searches as one condition). Views, the API, feeds
and other apps use only the names below.
"""

from .engine import search
from .params import (
    FACETS,
    MAX_PAGES,
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    SORT_DATE,
    SORT_RELEVANCE,
    FacetSpec,
    SearchParams,
)
from .query import clean_query
from .reference import Reference, load_reference
from .results import SearchResult
from .saved import matching_condition

__all__ = [
    "FACETS",
    "MAX_PAGES",
    "MAX_QUERY_LENGTH",
    "PAGE_SIZE",
    "SORT_DATE",
    "SORT_RELEVANCE",
    "FacetSpec",
    "Reference",
    "SearchParams",
    "SearchResult",
    "clean_query",
    "load_reference",
    "matching_condition",
    "search",
]
