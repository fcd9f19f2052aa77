// SPDX-License-Identifier: Apache-2.0
// The palette: which of a project's tokens a generated component uses for each purpose.
// Names decide first (each role has alternatives of words a token path must contain, and
// words that rule a token out: "primary" but not "on-primary" or "primary-hover"); where
// names say nothing, values do: the spacing scale's order, or the token nearest a
// reference value. A literal only when the project has no token of the type at all.
#include "spark/token_palette.h"

#include "slate/css_value_writer.h"
#include "slate/name_transform.h"
#include "slate/token_set.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace helios::spark {

namespace {

using slate::TokenType;

enum class Category { None, Space, Radius, FontSize, BorderWidth };

struct RoleRule {
    TokenRole role;
    TokenType type;
    Category category;
    const char *alternatives; // "primary hover|brand hover": every word of one alternative
    const char *exclude;      // words that rule a token out when the alternative lacks them
    const char *literal;      // when the project has no token of the type
    const char *reference;    // the value the nearest token is measured from
    int alias;                // a role whose token serves when no name matches, or -1
};

constexpr const char *colourExclude = "hover active pressed on fg foreground contrast disabled subtle muted inverse focus "
                                      "text bg background surface border hover light dark alt weak strong";
constexpr const char *xs = "xs|xsmall|2xs|xxs|tiny";
constexpr const char *sm = "sm|s|small";
constexpr const char *md = "md|m|medium|base|default|normal";
constexpr const char *lg = "lg|l|large";
constexpr const char *xl = "xl|xlarge|2xl|huge";

// In TokenRole order.
constexpr std::array<RoleRule, 35> rules{{
    {TokenRole::Primary, TokenType::Color, Category::None, "primary|brand|accent|action|interactive", colourExclude, "Highlight", "#2563eb", -1},
    {TokenRole::PrimaryHover, TokenType::Color, Category::None, "primary hover|brand hover|accent hover|primary active|primary pressed|primary strong|primary dark", "on fg foreground text", "Highlight", "#1d4ed8", int(TokenRole::Primary)},
    {TokenRole::OnPrimary, TokenType::Color, Category::None, "on primary|primary foreground|primary fg|primary contrast|on brand|on accent|primary text|text inverse|inverse", "hover", "HighlightText", "#ffffff", -1},
    {TokenRole::Secondary, TokenType::Color, Category::None, "secondary|neutral", colourExclude, "ButtonFace", "#e5e7eb", -1},
    {TokenRole::OnSecondary, TokenType::Color, Category::None, "on secondary|secondary foreground|secondary fg|secondary text|on neutral", "hover", "ButtonText", "#111827", int(TokenRole::Text)},
    {TokenRole::Surface, TokenType::Color, Category::None, "surface|background|bg|canvas|paper", "alt muted subtle raised hover on inverse secondary overlay text fg foreground border sunken", "Canvas", "#ffffff", -1},
    {TokenRole::SurfaceAlt, TokenType::Color, Category::None, "surface alt|surface muted|surface subtle|surface raised|surface secondary|background alt|background subtle|background muted|bg subtle|bg muted|bg alt|surface sunken", "text fg foreground on border", "ButtonFace", "#f3f4f6", -1},
    {TokenRole::Text, TokenType::Color, Category::None, "text|foreground|fg|ink|on surface|on background|content|body", "muted subtle secondary tertiary disabled inverse placeholder hover link danger error success warning on primary brand accent", "CanvasText", "#111827", -1},
    {TokenRole::TextMuted, TokenType::Color, Category::None, "text muted|text subtle|text secondary|foreground muted|fg muted|muted|subtle|text tertiary|placeholder", "bg background surface border on", "GrayText", "#6b7280", -1},
    {TokenRole::Border, TokenType::Color, Category::None, "border|outline|stroke|divider|line|separator", "focus hover strong active", "GrayText", "#d1d5db", -1},
    {TokenRole::Focus, TokenType::Color, Category::None, "focus|ring|focus ring", "", "Highlight", "#2563eb", int(TokenRole::Primary)},
    {TokenRole::Danger, TokenType::Color, Category::None, "danger|error|destructive|critical|negative|red", colourExclude, "Highlight", "#dc2626", -1},
    {TokenRole::OnDanger, TokenType::Color, Category::None, "on danger|on error|danger foreground|danger fg|on destructive|danger contrast", "", "HighlightText", "#ffffff", int(TokenRole::OnPrimary)},
    {TokenRole::Success, TokenType::Color, Category::None, "success|positive|valid|green", colourExclude, "Highlight", "#16a34a", -1},
    {TokenRole::Warning, TokenType::Color, Category::None, "warning|warn|caution|attention|amber|yellow|orange", colourExclude, "Highlight", "#d97706", -1},
    {TokenRole::Overlay, TokenType::Color, Category::None, "overlay|backdrop|scrim|mask", "", "GrayText", "#111827", -1},
    {TokenRole::SpaceXs, TokenType::Dimension, Category::Space, xs, "", "0.25rem", "4px", -1},
    {TokenRole::SpaceSm, TokenType::Dimension, Category::Space, sm, "", "0.5rem", "8px", -1},
    {TokenRole::SpaceMd, TokenType::Dimension, Category::Space, md, "", "1rem", "16px", -1},
    {TokenRole::SpaceLg, TokenType::Dimension, Category::Space, lg, "", "1.5rem", "24px", -1},
    {TokenRole::SpaceXl, TokenType::Dimension, Category::Space, xl, "", "2rem", "32px", -1},
    {TokenRole::RadiusSm, TokenType::Dimension, Category::Radius, sm, "", "0.25rem", "4px", -1},
    {TokenRole::RadiusMd, TokenType::Dimension, Category::Radius, md, "", "0.5rem", "8px", -1},
    {TokenRole::RadiusFull, TokenType::Dimension, Category::Radius, "full|pill|round|circle|max|9999", "", "9999px", "9999px", -1},
    {TokenRole::FontSizeSm, TokenType::Dimension, Category::FontSize, sm, "", "0.875rem", "14px", -1},
    {TokenRole::FontSizeMd, TokenType::Dimension, Category::FontSize, "md|m|medium|base|default|normal|body", "", "1rem", "16px", -1},
    {TokenRole::FontSizeLg, TokenType::Dimension, Category::FontSize, lg, "", "1.25rem", "20px", -1},
    {TokenRole::FontSizeXl, TokenType::Dimension, Category::FontSize, xl, "", "1.5rem", "24px", -1},
    {TokenRole::FontFamilyBody, TokenType::FontFamily, Category::None, "body|base|sans|text|default|primary|ui", "mono code heading display", "system-ui, sans-serif", "", -1},
    {TokenRole::FontFamilyHeading, TokenType::FontFamily, Category::None, "heading|headings|display|title|headline", "", "system-ui, sans-serif", "", int(TokenRole::FontFamilyBody)},
    {TokenRole::FontWeightRegular, TokenType::FontWeight, Category::None, "regular|normal|book|body|base|400", "", "400", "400", -1},
    {TokenRole::FontWeightBold, TokenType::FontWeight, Category::None, "bold|strong|heading|700", "", "700", "700", -1},
    {TokenRole::Shadow, TokenType::Shadow, Category::None, "sm|small|1|low|card|raised|md|medium|base|default", "", "none", "", -1},
    {TokenRole::DurationFast, TokenType::Duration, Category::None, "fast|quick|short|sm|100", "", "120ms", "120ms", -1},
    {TokenRole::BorderWidth, TokenType::Dimension, Category::BorderWidth, "thin|hairline|sm|s|1|default|base|md", "", "1px", "1px", -1},
}};

constexpr bool rulesInRoleOrder()
{
    for (size_t i = 0; i < rules.size(); ++i) {
        if (size_t(rules[i].role) != i)
            return false;
    }
    return true;
}
static_assert(rulesInRoleOrder(), "rules are indexed by TokenRole");

QStringList splitWords(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

// "color.onPrimary.$root" -> color, on, primary: segments split at non-alphanumerics and
// lower-to-upper case changes, as NameTransform splits them.
QStringList pathWords(const QString &path)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty() && word != QLatin1StringView("$root") && word != QLatin1StringView("root"))
            words.append(word.toLower());
        word.clear();
    };
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path[i];
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (c.isUpper() && i > 0 && path[i - 1].isLower())
            flush();
        word.append(c);
    }
    flush();
    return words;
}

bool hasAny(const QStringList &words, std::initializer_list<QLatin1StringView> wanted)
{
    for (const QLatin1StringView w : wanted) {
        if (words.contains(w))
            return true;
    }
    return false;
}

Category categoryOf(const QStringList &w)
{
    if ((hasAny(w, {QLatin1StringView("font"), QLatin1StringView("text"), QLatin1StringView("type"), QLatin1StringView("typography")})
         && w.contains(QLatin1StringView("size")))
        || w.contains(QLatin1StringView("fontsize")))
        return Category::FontSize;
    if ((hasAny(w, {QLatin1StringView("border"), QLatin1StringView("stroke"), QLatin1StringView("outline")})
         && hasAny(w, {QLatin1StringView("width"), QLatin1StringView("thickness")}))
        || w.contains(QLatin1StringView("hairline")))
        return Category::BorderWidth;
    if (hasAny(w, {QLatin1StringView("radius"), QLatin1StringView("radii"), QLatin1StringView("rounded"),
                   QLatin1StringView("corner"), QLatin1StringView("corners"), QLatin1StringView("rounding")}))
        return Category::Radius;
    if (hasAny(w, {QLatin1StringView("space"), QLatin1StringView("spacing"), QLatin1StringView("gap"), QLatin1StringView("gutter"),
                   QLatin1StringView("inset"), QLatin1StringView("padding"), QLatin1StringView("margin"), QLatin1StringView("spacer")}))
        return Category::Space;
    return Category::None;
}

// A comparable number for a value, or NaN: px for dimensions (rem/em at 16px), ms for
// durations, the weight for font weights. Colours compare in RGB (see colourOf).
double magnitude(TokenType type, const QString &css)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    qsizetype end = 0;
    while (end < css.size() && (css[end].isDigit() || css[end] == u'.' || (end == 0 && css[end] == u'-')))
        ++end;
    bool ok = false;
    const double number = css.left(end).toDouble(&ok);
    const QStringView unit = QStringView(css).mid(end).trimmed();
    if (type == TokenType::FontWeight) {
        if (ok && unit.isEmpty())
            return number;
        static const QHash<QString, double> names = {
            {QStringLiteral("thin"), 100}, {QStringLiteral("light"), 300}, {QStringLiteral("normal"), 400},
            {QStringLiteral("regular"), 400}, {QStringLiteral("medium"), 500}, {QStringLiteral("semibold"), 600},
            {QStringLiteral("bold"), 700}, {QStringLiteral("black"), 900},
        };
        return names.value(css.trimmed().toLower(), nan);
    }
    if (!ok)
        return nan;
    if (unit == u"px" || (unit.isEmpty() && number == 0) || unit == u"ms")
        return number;
    if (unit == u"rem" || unit == u"em")
        return number * 16;
    if (unit == u"s")
        return number * 1000;
    return nan;
}

bool colourOf(const QString &css, std::array<int, 3> &rgb)
{
    if (!css.startsWith(u'#'))
        return false;
    const QString hex = css.mid(1);
    bool ok = false;
    if (hex.size() == 3 || hex.size() == 4) {
        for (int i = 0; i < 3; ++i) {
            rgb[size_t(i)] = hex.mid(i, 1).toInt(&ok, 16) * 17;
            if (!ok)
                return false;
        }
        return true;
    }
    if (hex.size() == 6 || hex.size() == 8) {
        for (int i = 0; i < 3; ++i) {
            rgb[size_t(i)] = hex.mid(i * 2, 2).toInt(&ok, 16);
            if (!ok)
                return false;
        }
        return true;
    }
    return false;
}

double distance(TokenType type, const QString &a, const QString &b)
{
    if (type == TokenType::Color) {
        std::array<int, 3> x{}, y{};
        if (!colourOf(a, x) || !colourOf(b, y))
            return std::numeric_limits<double>::infinity();
        double sum = 0;
        for (size_t i = 0; i < 3; ++i)
            sum += double(x[i] - y[i]) * double(x[i] - y[i]);
        return sum;
    }
    const double m = magnitude(type, a), n = magnitude(type, b);
    return std::isnan(m) || std::isnan(n) ? std::numeric_limits<double>::infinity() : std::abs(m - n);
}

struct Candidate {
    int index;            // into the palette's tokens
    QStringList words;
    Category category;
    TokenType type;
};

const QStringList &excludedWords(TokenRole role)
{
    static const auto words = [] {
        std::array<QStringList, rules.size()> out;
        for (size_t r = 0; r < rules.size(); ++r)
            out[r] = splitWords(rules[r].exclude);
        return out;
    }();
    return words[size_t(role)];
}

// The best name match for a rule: the earliest alternative, then the fewest other words,
// then the set's order. -1 when none.
int matchByName(const RoleRule &rule, const std::vector<Candidate> &candidates)
{
    static const auto parsed = [] {
        std::array<std::vector<QStringList>, rules.size()> out;
        for (size_t r = 0; r < rules.size(); ++r) {
            for (const QString &alt : QString::fromLatin1(rules[r].alternatives).split(u'|', Qt::SkipEmptyParts))
                out[r].push_back(alt.split(u' ', Qt::SkipEmptyParts));
        }
        return out;
    }();
    const auto &alternatives = parsed[size_t(rule.role)];
    const QStringList &exclude = excludedWords(rule.role);
    int best = -1;
    qsizetype bestScore = std::numeric_limits<qsizetype>::max();
    for (const Candidate &c : candidates) {
        if (c.type != rule.type || c.category != rule.category)
            continue;
        for (size_t a = 0; a < alternatives.size(); ++a) {
            const QStringList &alt = alternatives[a];
            const bool all = std::all_of(alt.cbegin(), alt.cend(), [&](const QString &w) { return c.words.contains(w); });
            if (!all)
                continue;
            const bool ruledOut = std::any_of(c.words.cbegin(), c.words.cend(), [&](const QString &w) {
                return exclude.contains(w) && !alt.contains(w);
            });
            if (ruledOut)
                continue;
            const qsizetype score = qsizetype(a) * 1000 + (c.words.size() - alt.size());
            if (score < bestScore) {
                bestScore = score;
                best = c.index;
            }
            break;
        }
    }
    return best;
}

} // namespace

TokenPalette TokenPalette::fromTokenSet(const slate::TokenSet &set, const QString &cssPrefix)
{
    TokenPalette palette;
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(set.size()));
    for (const slate::Token &token : set.tokens()) {
        if (!token.resolved)
            continue;
        PaletteToken entry;
        entry.path = token.path;
        entry.cssVariable = QLatin1StringView("--") + slate::NameTransform::apply(token.path, slate::NameCase::Kebab, cssPrefix);
        entry.type = token.type;
        entry.resolvedCss = slate::CssValueWriter::write(token.type, token.resolvedValue);
        if (!token.deprecated) {
            QStringList words = pathWords(token.path);
            const Category category = token.type == TokenType::Dimension ? categoryOf(words) : Category::None;
            candidates.push_back({int(palette.m_tokens.size()), std::move(words), category, token.type});
        }
        palette.m_tokens.append(std::move(entry));
    }

    for (const RoleRule &rule : rules) {
        if (const int found = matchByName(rule, candidates); found >= 0)
            palette.m_roleToToken.insert(int(rule.role), found);
    }
    // Where names say nothing: a stand-in role, the scale's order, or the nearest value.
    for (const RoleRule &rule : rules) {
        if (palette.m_roleToToken.contains(int(rule.role)))
            continue;
        if (rule.alias >= 0 && palette.m_roleToToken.contains(rule.alias)) {
            palette.m_roleToToken.insert(int(rule.role), palette.m_roleToToken.value(rule.alias));
            continue;
        }
        std::vector<const Candidate *> pool;
        for (const Candidate &c : candidates) {
            if (c.type == rule.type && c.category == rule.category)
                pool.push_back(&c);
        }
        // A border width is never a spacing step: without a width token, css() says "1px", a
        // hairline the token lint allows in border and outline properties (unlike the keyword
        // "thin", it is valid in calc() and outline-offset).
        if (pool.empty() && rule.category != Category::None && rule.category != Category::BorderWidth) {
            for (const Candidate &c : candidates) {
                if (c.type == rule.type)
                    pool.push_back(&c);
            }
        }
        if (pool.empty())
            continue;
        const auto valueOf = [&](const Candidate *c) { return palette.m_tokens[c->index].resolvedCss; };
        if (rule.category == Category::Space && pool.front()->category == Category::Space) {
            std::vector<const Candidate *> sorted = pool;
            std::stable_sort(sorted.begin(), sorted.end(), [&](const Candidate *a, const Candidate *b) {
                const double x = magnitude(rule.type, valueOf(a)), y = magnitude(rule.type, valueOf(b));
                return !std::isnan(x) && (std::isnan(y) || x < y);
            });
            const double last = double(sorted.size() - 1);
            static constexpr std::array<double, 5> position{0, 0.25, 0.5, 0.75, 1};
            const size_t step = size_t(int(rule.role) - int(TokenRole::SpaceXs));
            palette.m_roleToToken.insert(int(rule.role), sorted[size_t(std::lround(last * position[step]))]->index);
            continue;
        }
        // Tokens the role's words rule out ("on-primary" for a surface) only when nothing else is near.
        const QStringList &exclude = excludedWords(rule.role);
        std::vector<const Candidate *> preferred;
        for (const Candidate *c : pool) {
            if (std::none_of(c->words.cbegin(), c->words.cend(), [&](const QString &w) { return exclude.contains(w); }))
                preferred.push_back(c);
        }
        if (!preferred.empty())
            pool = std::move(preferred);
        const Candidate *nearest = pool.front();
        double best = std::numeric_limits<double>::infinity();
        const QString reference = QString::fromLatin1(rule.reference);
        for (const Candidate *c : pool) {
            const double d = distance(rule.type, valueOf(c), reference);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        palette.m_roleToToken.insert(int(rule.role), nearest->index);
    }
    return palette;
}

QString TokenPalette::css(TokenRole role) const
{
    if (const PaletteToken *found = token(role))
        return QLatin1StringView("var(") + found->cssVariable + QLatin1Char(')');
    return QString::fromLatin1(rules[size_t(role)].literal);
}

const PaletteToken *TokenPalette::token(TokenRole role) const
{
    const auto found = m_roleToToken.constFind(int(role));
    return found == m_roleToToken.constEnd() ? nullptr : &m_tokens[*found];
}

bool TokenPalette::hasType(slate::TokenType type) const
{
    return std::any_of(m_tokens.cbegin(), m_tokens.cend(), [type](const PaletteToken &t) { return t.type == type; });
}

} // namespace helios::spark
