"""Inline SVG bar charts, drawn at build time: no chart service, no script, prints well."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR = 18
GAP = 10
LABEL_W = 230
CHART_W = 360
VALUE_W = 70


def bar_chart(rows: list[tuple[str, float, float | None]], title: str,
              target: float | None = None, floor: float = 0.0) -> Markup:
    """Horizontal bars, one per (label, value, previous value); the previous year is a thin
    grey bar under this year's. Values are 0–100 scores."""
    if not rows:
        return Markup("")
    step = BAR + GAP
    height = len(rows) * step + 30
    width = LABEL_W + CHART_W + VALUE_W

    def x(value: float) -> float:
        span = 100 - floor
        return LABEL_W + CHART_W * max(0.0, min(value, 100) - floor) / span

    out = [
        f'<svg class="ita-chart" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="ita-chart-title">',
        f'<title id="ita-chart-title">{escape(title)}</title>',
    ]
    for n, (label, value, previous) in enumerate(rows):
        y = n * step + 4
        out.append(f'<text x="{LABEL_W - 8}" y="{y + BAR * 0.75:.1f}" text-anchor="end" '
                   f'class="ita-chart__label">{escape(label)}</text>')
        low = " ita-chart__bar--low" if target and value < target else ""
        out.append(f'<rect x="{LABEL_W}" y="{y}" width="{x(value) - LABEL_W:.1f}" '
                   f'height="{BAR - 6 if previous is not None else BAR}" '
                   f'class="ita-chart__bar{low}">'
                   f'<title>{escape(label)}: {value:.2f}</title></rect>')
        if previous is not None:
            out.append(f'<rect x="{LABEL_W}" y="{y + BAR - 5}" width="{x(previous) - LABEL_W:.1f}"'
                       f' height="4" class="ita-chart__previous"><title>{escape(label)} '
                       f'ปีก่อน: {previous:.2f}</title></rect>')
        out.append(f'<text x="{LABEL_W + CHART_W + 6}" y="{y + BAR * 0.75:.1f}" '
                   f'class="ita-chart__value">{value:.2f}</text>')
    axis_y = len(rows) * step + 8
    for tick in range(int(floor), 101, 10 if floor < 50 else 5):
        out.append(f'<text x="{x(tick):.1f}" y="{axis_y + 12}" text-anchor="middle" '
                   f'class="ita-chart__tick">{tick}</text>')
    if target:
        out.append(f'<line x1="{x(target):.1f}" x2="{x(target):.1f}" y1="0" y2="{axis_y}" '
                   f'class="ita-chart__target"><title>เป้าหมาย {target:g}</title></line>')
    out.append("</svg>")
    return Markup("".join(out))
