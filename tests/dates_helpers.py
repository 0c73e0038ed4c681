"""Run the dates stage alone, as the pipeline does, so that dates tests do not depend on the other dimensions."""

from __future__ import annotations

import datetime as dt
from functools import cache

from milinc.dates import DateExtractor
from milinc.extensions import NO_EXTENSIONS
from milinc.ontology import TimeExpression
from milinc.pipeline import ExtractionContext


@cache
def extractor() -> DateExtractor:
    """The built-in dates extractor (no plugins)."""
    return DateExtractor(NO_EXTENSIONS)


def parse_dates(text: str, reference_date: dt.date | None = None) -> tuple[dt.date | None, list[TimeExpression]]:
    """The reference date (given, or from a dateline) and the date mentions of *text*."""
    ctx = ExtractionContext.for_text(text, reference_date)
    if ctx.reference_date is None:
        ctx.reference_date = extractor().find_reference_date(ctx)
    return ctx.reference_date, sorted(extractor().extract(ctx), key=lambda d: (d.span.start, d.span.end))
