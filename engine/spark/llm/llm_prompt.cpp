// SPDX-License-Identifier: Apache-2.0
#include "spark/llm/llm_prompt.h"

#include "spark/token_palette.h"

#include <array>

namespace helios::spark::llm {

namespace {

struct FamilyBrief {
    ExpertFamily family;
    const char *what;
    const char *pattern;
};

// One line of job and one of ARIA pattern per family, from the WAI-ARIA Authoring
// Practices the offline experts follow too.
constexpr std::array<FamilyBrief, 17> briefs{{
    {ExpertFamily::Button, "a button with variants and sizes, optional icon and loading state",
     "native <button type=\"button\">; aria-busy while loading; disabled via the disabled attribute; an icon-only button needs aria-label"},
    {ExpertFamily::TextField, "a text field with a visible label, optional help text and an error message",
     "<label htmlFor> tied to the <input id> (useId); help and error linked with aria-describedby; aria-invalid when in error; required via the attribute"},
    {ExpertFamily::Select, "a select or combobox with options",
     "a native <select> with a <label>, or the combobox pattern: input role=\"combobox\" with aria-expanded, aria-controls and aria-activedescendant, a role=\"listbox\" of role=\"option\" items, arrow keys, Enter and Escape"},
    {ExpertFamily::Choice, "a checkbox group, switch or radio group",
     "native inputs with labels inside a <fieldset> with <legend>; a switch is <button role=\"switch\" aria-checked>"},
    {ExpertFamily::Card, "a card with optional media, title, text and actions",
     "an <article> with a heading; images have alt; actions are <button>s"},
    {ExpertFamily::Dialog, "a modal dialog with a title, content and actions",
     "role=\"dialog\" aria-modal=\"true\" aria-labelledby the title; Escape closes; focus moves in on open and returns on close; a labelled close button"},
    {ExpertFamily::NavigationBar, "a navigation bar with links",
     "<nav aria-label> with a list of <a href> links; aria-current=\"page\" on the active one; a menu toggle button with aria-expanded on small screens"},
    {ExpertFamily::Tabs, "tabs with panels",
     "role=\"tablist\" with onKeyDown for Arrow/Home/End; role=\"tab\" buttons with aria-selected, aria-controls and roving tabIndex; role=\"tabpanel\" aria-labelledby its tab"},
    {ExpertFamily::Table, "a data table with the columns asked for",
     "<table> with <caption>, <thead> and <th scope=\"col\">; sortable headers are buttons inside <th> with aria-sort"},
    {ExpertFamily::List, "a list or a menu",
     "a <ul> of items; a menu is a button with aria-haspopup and aria-expanded controlling role=\"menu\" with role=\"menuitem\" items and arrow-key handling"},
    {ExpertFamily::Alert, "an alert or toast message, optionally dismissible",
     "role=\"alert\" for urgent messages or role=\"status\" for polite ones; a dismiss <button aria-label=\"Dismiss\">"},
    {ExpertFamily::Badge, "a badge, avatar or tag",
     "text content for the name; an avatar <img> has alt, initials fallback has aria-label"},
    {ExpertFamily::Hero, "a hero or page section with heading, text and calls to action",
     "a <section aria-labelledby> its heading; calls to action are links or buttons with text"},
    {ExpertFamily::Layout, "a layout: a grid or a stack of children",
     "presentational: no roles; gaps and padding from spacing tokens"},
    {ExpertFamily::Pagination, "pagination controls",
     "<nav aria-label=\"Pagination\"> with buttons; aria-current=\"page\" on the current page; previous/next buttons with text or aria-label"},
    {ExpertFamily::Accordion, "an accordion of sections",
     "each header is a <button aria-expanded aria-controls> inside a heading; panels role=\"region\" aria-labelledby the button"},
    {ExpertFamily::Tooltip, "a tooltip on a trigger",
     "role=\"tooltip\" with an id the trigger references in aria-describedby; shown on hover and focus, hidden on Escape"},
}};

const FamilyBrief &briefFor(ExpertFamily family)
{
    for (const FamilyBrief &brief : briefs) {
        if (brief.family == family)
            return brief;
    }
    return briefs.front();
}

void appendList(QString &out, const QString &label, const QStringList &values)
{
    if (!values.isEmpty())
        out += QStringLiteral("- ") + label + QStringLiteral(": ") + values.join(QStringLiteral(", ")) + QLatin1Char('\n');
}

} // namespace

QString systemPrompt(ExpertFamily family, const QString &name, const TokenPalette &palette)
{
    const FamilyBrief &brief = briefFor(family);
    QString out;
    out.reserve(8192);
    out += QStringLiteral("You write one React component in TypeScript for a design-system library: ")
        + QLatin1StringView(brief.what) + QStringLiteral(".\nAccessibility pattern to follow: ")
        + QLatin1StringView(brief.pattern) + QStringLiteral(".\n\n");
    out += QStringLiteral("The component is named ") + name + QStringLiteral(". Write exactly these files:\n")
        + QStringLiteral("- ") + name + QLatin1Char('/') + name + QStringLiteral(".tsx: the component; typed props interface ")
        + name + QStringLiteral("Props extending the root element's HTML attributes, forwardRef where a DOM node is ")
        + QStringLiteral("the root, className merged, the ARIA roles, labels and keyboard handling above.\n")
        + QStringLiteral("- ") + name + QLatin1Char('/') + name
        + QStringLiteral(".module.css: a CSS module; class names in camelCase; imported as styles.\n")
        + QStringLiteral("- ") + name + QLatin1Char('/') + name
        + QStringLiteral(".stories.tsx: Component Story Format: a default export meta {title, component} and named stories with args.\n")
        + QStringLiteral("- ") + name + QStringLiteral("/index.ts: export { ") + name + QStringLiteral(" } and export type { ")
        + name + QStringLiteral("Props }.\n\n");
    out += QStringLiteral("Answer format: for each file, a line \"### <path>\" and then one fenced code block with its full "
                          "content, for example:\n### ")
        + name + QLatin1Char('/') + name + QStringLiteral(".tsx\n```tsx\n...\n```\n")
        + QStringLiteral("Paths are relative and inside ") + name
        + QStringLiteral("/. No other text is needed; nothing outside the blocks is used.\n\n");
    out += QStringLiteral("Rules (the answer is validated and rejected otherwise):\n"
                          "- Import only from 'react' and from the component's own files ('./...'). No other packages.\n"
                          "- In CSS, every colour, spacing, size, radius, font, shadow and duration is var(--token) from the "
                          "list below. No hex, rgb(), hsl() or named colours; no px, rem or em values except 0, 1px/2px "
                          "border and outline widths, and media queries. transparent, currentColor and inherit are fine.\n"
                          "- No inline style objects with raw colours or lengths.\n"
                          "- Buttons and inputs have accessible names, images have alt, elements with onClick are "
                          "buttons or links, custom interactive roles have tabIndex and onKeyDown.\n"
                          "- The code must compile with esbuild (TSX, automatic JSX runtime, CSS modules).\n\n");
    const QList<PaletteToken> &tokens = palette.tokens();
    if (tokens.isEmpty()) {
        out += QStringLiteral("The project has no design tokens: use neutral values and keep them few.\n");
    } else {
        out += QStringLiteral("Design tokens (CSS variable: type = value):\n");
        int listed = 0;
        for (const PaletteToken &token : tokens) {
            if (token.cssVariable.isEmpty())
                continue;
            if (++listed > maxPromptTokens) {
                out += QStringLiteral("(%1 more tokens not listed)\n").arg(tokens.size() - maxPromptTokens);
                break;
            }
            out += token.cssVariable + QStringLiteral(": ") + slate::tokenTypeName(token.type) + QStringLiteral(" = ")
                + token.resolvedCss + QLatin1Char('\n');
        }
    }
    return out;
}

QString userPrompt(const ComponentRequest &request, const QString &name)
{
    QString out = request.prompt + QStringLiteral("\n\nWhat was understood of it (use it, fill the rest sensibly):\n");
    out += QStringLiteral("- name: ") + name + QLatin1Char('\n');
    appendList(out, QStringLiteral("variants"), request.variants);
    appendList(out, QStringLiteral("sizes"), request.sizes);
    appendList(out, QStringLiteral("labels"), request.labels);
    appendList(out, QStringLiteral("items"), request.items);
    appendList(out, QStringLiteral("columns"), request.columns);
    if (request.count > 0)
        out += QStringLiteral("- count: %1\n").arg(request.count);
    if (!request.title.isEmpty())
        out += QStringLiteral("- title: ") + request.title + QLatin1Char('\n');
    if (!request.description.isEmpty())
        out += QStringLiteral("- text: ") + request.description + QLatin1Char('\n');
    QStringList states;
    if (request.disabled) states << QStringLiteral("disabled");
    if (request.loading) states << QStringLiteral("loading");
    if (request.required) states << QStringLiteral("required");
    if (request.dismissible) states << QStringLiteral("dismissible");
    if (request.searchable) states << QStringLiteral("searchable");
    if (request.multiple) states << QStringLiteral("multiple selection");
    if (request.sortable) states << QStringLiteral("sortable");
    if (request.withIcon) states << QStringLiteral("with an icon");
    if (request.withImage) states << QStringLiteral("with an image");
    appendList(out, QStringLiteral("states"), states);
    QStringList parts;
    for (const ComposedPart &part : request.parts)
        parts << QStringLiteral("%1 x %2").arg(part.count).arg(QString(familyInfo(part.family).id));
    appendList(out, QStringLiteral("contains"), parts);
    return out;
}

} // namespace helios::spark::llm
