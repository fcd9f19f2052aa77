// SPDX-License-Identifier: Apache-2.0
// The prompt reader: one linear scan into words, quoted strings and punctuation, then one
// pass over those with small, bounded look-aheads. No regular expressions, so no prompt
// can make it backtrack; everything it keeps is plain text that experts escape.
#include "spark/component_request.h"

#include "spark/prompt_pieces.h"

#include <QHash>
#include <QSet>

#include <array>
#include <vector>

namespace helios::spark {

namespace {

constexpr int maxEntries = 64;      // labels, items, columns
constexpr int maxEntryLength = 200; // characters of one label or item
constexpr int maxRunWords = 6;      // words of an unquoted name, title or list entry

using prompt::Kind;
using prompt::Piece;
using prompt::numberWord;
using prompt::stopWords;

// Part nouns, as a word and an optional word before it: the families a card or a dialog
// may compose. Longest match first.
struct PartNoun {
    QLatin1StringView before;
    QLatin1StringView word;
    ExpertFamily family;
};

constexpr std::array<PartNoun, 22> partNouns{{
    {QLatin1StringView("radio"), QLatin1StringView("button"), ExpertFamily::Choice},
    {QLatin1StringView("radio"), QLatin1StringView("buttons"), ExpertFamily::Choice},
    {QLatin1StringView("text"), QLatin1StringView("field"), ExpertFamily::TextField},
    {QLatin1StringView("text"), QLatin1StringView("fields"), ExpertFamily::TextField},
    {QLatin1StringView("text"), QLatin1StringView("input"), ExpertFamily::TextField},
    {QLatin1StringView("text"), QLatin1StringView("inputs"), ExpertFamily::TextField},
    {{}, QLatin1StringView("button"), ExpertFamily::Button},
    {{}, QLatin1StringView("buttons"), ExpertFamily::Button},
    {{}, QLatin1StringView("input"), ExpertFamily::TextField},
    {{}, QLatin1StringView("inputs"), ExpertFamily::TextField},
    {{}, QLatin1StringView("textbox"), ExpertFamily::TextField},
    {{}, QLatin1StringView("select"), ExpertFamily::Select},
    {{}, QLatin1StringView("dropdown"), ExpertFamily::Select},
    {{}, QLatin1StringView("combobox"), ExpertFamily::Select},
    {{}, QLatin1StringView("checkbox"), ExpertFamily::Choice},
    {{}, QLatin1StringView("checkboxes"), ExpertFamily::Choice},
    {{}, QLatin1StringView("switch"), ExpertFamily::Choice},
    {{}, QLatin1StringView("toggle"), ExpertFamily::Choice},
    {{}, QLatin1StringView("badge"), ExpertFamily::Badge},
    {{}, QLatin1StringView("badges"), ExpertFamily::Badge},
    {{}, QLatin1StringView("tag"), ExpertFamily::Badge},
    {{}, QLatin1StringView("tags"), ExpertFamily::Badge},
}};

class Reader {
public:
    Reader(std::vector<Piece> pieces, ComponentRequest &request) : p(std::move(pieces)), r(request) {}

    void read()
    {
        const qsizetype n = qsizetype(p.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (p[size_t(i)].kind == Kind::Word && !p[size_t(i)].used)
                readAt(i);
        }
        // What nothing else took: quoted labels, then the words' meanings.
        for (qsizetype i = 0; i < n; ++i) {
            Piece &piece = p[size_t(i)];
            if (piece.used)
                continue;
            if (piece.kind == Kind::Quote)
                addEntry(r.labels, piece.text);
            else if (piece.kind == Kind::Word)
                readWord(i);
        }
    }

private:
    Piece *at(qsizetype i) { return i >= 0 && i < qsizetype(p.size()) ? &p[size_t(i)] : nullptr; }
    bool isWord(qsizetype i, QLatin1StringView word)
    {
        const Piece *piece = at(i);
        return piece && piece->kind == Kind::Word && piece->lower == word;
    }
    bool isPunct(qsizetype i, QChar c)
    {
        const Piece *piece = at(i);
        return piece && piece->kind == Kind::Punct && piece->text.front() == c;
    }

    static void addEntry(QStringList &list, const QString &text)
    {
        if (list.size() < maxEntries && !text.isEmpty())
            list.append(text.left(maxEntryLength));
    }

    // A quoted string, or a run of up to maxRunWords words that are not stop words (the
    // first capitalised when `capitalised`). Returns the index after it, or `i` if none.
    qsizetype phrase(qsizetype i, QString &out, bool capitalised)
    {
        Piece *first = at(i);
        if (!first || first->used)
            return i;
        if (first->kind == Kind::Quote) {
            out = first->text;
            first->used = true;
            return i + 1;
        }
        if (first->kind != Kind::Word || stopWords().contains(first->lower) || numberWord(first->lower) > 0
            || (capitalised && !first->text.front().isUpper()))
            return i;
        qsizetype end = i;
        QStringList words;
        while (end < i + maxRunWords) {
            Piece *piece = at(end);
            if (!piece || piece->used || piece->kind != Kind::Word || stopWords().contains(piece->lower))
                break;
            words.append(piece->text);
            ++end;
        }
        for (qsizetype k = i; k < end; ++k)
            p[size_t(k)].used = true;
        out = words.join(QLatin1Char(' '));
        return end;
    }

    // Skips the words that introduce a value: "titled: X", "tabs for X", "links such as X".
    qsizetype skipIntro(qsizetype i)
    {
        static const QSet<QString> intro = {
            QStringLiteral("for"), QStringLiteral("named"), QStringLiteral("called"), QStringLiteral("labelled"),
            QStringLiteral("labeled"), QStringLiteral("like"), QStringLiteral("including"), QStringLiteral("to"),
            QStringLiteral("of"), QStringLiteral("is"), QStringLiteral("reading"), QStringLiteral("as"),
        };
        if (isPunct(i, u':'))
            return i + 1;
        if (isWord(i, QLatin1StringView("such")) && isWord(i + 1, QLatin1StringView("as")))
            return i + 2;
        if (const Piece *piece = at(i); piece && piece->kind == Kind::Word && intro.contains(piece->lower))
            return isPunct(i + 1, u':') ? i + 2 : i + 1;
        return i;
    }

    // "Overview, Billing and Settings": entries separated by commas, "and", "or", "&".
    // Kept when there are two or more, or one quoted or capitalised.
    bool list(qsizetype start, QStringList &out)
    {
        std::vector<qsizetype> taken;
        QStringList entries;
        bool strong = false;
        qsizetype i = start;
        for (;;) {
            QString entry;
            const Piece *first = at(i);
            if (!first || first->used)
                break;
            const bool quoted = first->kind == Kind::Quote;
            const bool upper = first->kind == Kind::Word && first->text.front().isUpper();
            const qsizetype end = phrase(i, entry, false);
            if (end == i)
                break;
            for (qsizetype k = i; k < end; ++k)
                taken.push_back(k);
            strong = strong || quoted || upper;
            entries.append(entry);
            if (entries.size() >= maxEntries)
                break;
            qsizetype next = end;
            if (isPunct(next, u','))
                ++next;
            if (isWord(next, QLatin1StringView("and")) || isWord(next, QLatin1StringView("or")) || isPunct(next, u'&'))
                ++next;
            if (next == end)
                break;
            i = next;
        }
        if (entries.size() < 2 && !strong) {
            for (const qsizetype k : taken)
                p[size_t(k)].used = false;
            return false;
        }
        for (const QString &entry : std::as_const(entries))
            addEntry(out, entry);
        return true;
    }

    void readAt(qsizetype i)
    {
        const QString &w = p[size_t(i)].lower;
        QString value;
        if (w == QLatin1StringView("called") || w == QLatin1StringView("named")) {
            const qsizetype end = phrase(i + 1, value, false);
            if (end > i + 1 && r.name.isEmpty())
                r.name = pascalName(value);
            return;
        }
        if (w == QLatin1StringView("titled") || w == QLatin1StringView("entitled")) {
            if (phrase(skipIntro(i + 1), value, false) > i + 1 && r.title.isEmpty())
                r.title = value;
            return;
        }
        if (w == QLatin1StringView("title") || w == QLatin1StringView("heading") || w == QLatin1StringView("headline")) {
            if (phrase(skipIntro(i + 1), value, true) > i + 1 && r.title.isEmpty())
                r.title = value;
            return;
        }
        if (w == QLatin1StringView("saying") || w == QLatin1StringView("says") || w == QLatin1StringView("reads")) {
            if (phrase(skipIntro(i + 1), value, false) > i + 1 && r.description.isEmpty())
                r.description = value;
            return;
        }
        if (w == QLatin1StringView("text") || w == QLatin1StringView("message") || w == QLatin1StringView("description")
            || w == QLatin1StringView("subtitle") || w == QLatin1StringView("body")) {
            if (phrase(skipIntro(i + 1), value, true) > i + 1 && r.description.isEmpty())
                r.description = value;
            return;
        }
        if (w == QLatin1StringView("labelled") || w == QLatin1StringView("labeled") || w == QLatin1StringView("label")) {
            list(skipIntro(i + 1), r.labels);
            return;
        }
        if (w == QLatin1StringView("columns") || w == QLatin1StringView("column") || w == QLatin1StringView("headers")) {
            listOrName(i + 1, r.columns);
            return;
        }
        static const QSet<QString> itemNouns = {
            QStringLiteral("tabs"), QStringLiteral("links"), QStringLiteral("items"), QStringLiteral("options"),
            QStringLiteral("entries"), QStringLiteral("sections"), QStringLiteral("steps"), QStringLiteral("choices"),
            QStringLiteral("panels"), QStringLiteral("pages"), QStringLiteral("categories"), QStringLiteral("filters"),
            QStringLiteral("values"), QStringLiteral("breadcrumbs"), QStringLiteral("questions"), QStringLiteral("routes"),
        };
        if (itemNouns.contains(w)) {
            listOrName(i + 1, r.items);
            return;
        }
        if ((w == QLatin1StringView("for") || w == QLatin1StringView("on")) && !afterWith && r.subject.isEmpty()) {
            qsizetype start = i + 1;
            while (isWord(start, QLatin1StringView("a")) || isWord(start, QLatin1StringView("an"))
                   || isWord(start, QLatin1StringView("the")))
                ++start;
            if (phrase(start, value, false) > start)
                r.subject = value;
            return;
        }
        if (w == QLatin1StringView("component") || w == QLatin1StringView("widget")) {
            nameBefore(i);
            return;
        }
        if (w == QLatin1StringView("with") || w == QLatin1StringView("containing") || w == QLatin1StringView("including")
            || w == QLatin1StringView("having") || w == QLatin1StringView("has") || w == QLatin1StringView("featuring")
            || w == QLatin1StringView("plus")) {
            afterWith = true;
            return;
        }
        if (afterWith)
            part(i);
    }

    // The entries after "columns" / "tabs" / ..., except that "4 columns called
    // GalleryGrid" names the component: one entry introduced by "called" or "named".
    void listOrName(qsizetype i, QStringList &entries)
    {
        const bool naming = isWord(i, QLatin1StringView("called")) || isWord(i, QLatin1StringView("named"));
        QStringList found;
        if (!list(skipIntro(i), found))
            return;
        if (naming && found.size() == 1 && r.name.isEmpty()) {
            r.name = pascalName(found.front());
            return;
        }
        for (const QString &entry : std::as_const(found))
            addEntry(entries, entry);
    }

    // "a ProfileCard component", "an Order Summary widget".
    void nameBefore(qsizetype i)
    {
        if (!r.name.isEmpty())
            return;
        qsizetype start = i;
        while (start > 0 && i - start < 4) {
            const Piece &piece = p[size_t(start - 1)];
            if (piece.kind != Kind::Word || piece.used || !piece.text.front().isUpper() || stopWords().contains(piece.lower))
                break;
            --start;
        }
        QStringList words;
        for (qsizetype k = start; k < i; ++k)
            words.append(p[size_t(k)].text);
        r.name = pascalName(words.join(QLatin1Char(' ')));
    }

    // A part after "with": "two buttons", "a primary button labelled 'Save'", "a text field".
    void part(qsizetype i)
    {
        const Piece &piece = p[size_t(i)];
        for (const PartNoun &noun : partNouns) {
            if (piece.lower != noun.word)
                continue;
            qsizetype first = i;
            if (!noun.before.isEmpty()) {
                if (!isWord(i - 1, noun.before))
                    continue;
                first = i - 1;
            } else if (isWord(i - 1, QLatin1StringView("radio")) || isWord(i - 1, QLatin1StringView("text"))) {
                continue;
            }
            // "a close button" asks for a dismiss control, not a composed part.
            if (isWord(first - 1, QLatin1StringView("close")) || isWord(first - 1, QLatin1StringView("dismiss"))) {
                r.dismissible = true;
                p[size_t(first - 1)].used = true;
                return;
            }
            ComposedPart composed;
            composed.family = noun.family;
            // Every plural noun of the table ends in 's' and no singular one does.
            composed.count = piece.lower.endsWith(u's') ? 2 : 1;
            for (qsizetype k = first - 1; k >= first - 3 && k >= 0; --k) {
                const Piece &before = p[size_t(k)];
                if (before.kind != Kind::Word)
                    break;
                if (const int number = numberWord(before.lower); number > 0) {
                    composed.count = number;
                    p[size_t(k)].used = true;
                    break;
                }
                if (before.lower == QLatin1StringView("a") || before.lower == QLatin1StringView("an")) {
                    composed.count = 1;
                    break;
                }
                if (stopWords().contains(before.lower))
                    break;
            }
            for (qsizetype k = first; k <= i; ++k)
                p[size_t(k)].used = true;
            // Labels right after it: "buttons 'Save' and 'Cancel'", "a button labelled Save".
            qsizetype next = i + 1;
            if (isWord(next, QLatin1StringView("labelled")) || isWord(next, QLatin1StringView("labeled"))
                || isWord(next, QLatin1StringView("saying")) || isWord(next, QLatin1StringView("reading")))
                list(next + 1, composed.labels);
            else if (const Piece *after = at(next); after && after->kind == Kind::Quote)
                list(next, composed.labels);
            else if (isPunct(next, u':'))
                list(next + 1, composed.labels);
            if (composed.labels.size() > composed.count)
                composed.count = int(composed.labels.size());
            composed.count = qBound(1, composed.count, maxEntries);
            for (ComposedPart &existing : r.parts) {
                if (existing.family == composed.family) {
                    existing.count = qMin(maxEntries, existing.count + composed.count);
                    existing.labels += composed.labels;
                    return;
                }
            }
            r.parts.append(composed);
            return;
        }
    }

    // Meanings of single words: counts, variants, sizes and states.
    void readWord(qsizetype i)
    {
        const QString &w = p[size_t(i)].lower;
        const bool negated = isWord(i - 1, QLatin1StringView("no")) || isWord(i - 1, QLatin1StringView("not"))
            || isWord(i - 1, QLatin1StringView("without")) || isWord(i - 1, QLatin1StringView("non"));
        if (const int number = numberWord(w); number > 0 && r.count == 0) {
            // A count belongs to the next word ("three tabs"); a bare number is not one.
            const Piece *next = at(i + 1);
            if ((next && next->kind == Kind::Word) || w.contains(u'-')) {
                r.count = qMin(number, 1000);
                return;
            }
        }
        static const QHash<QString, QString> variants = {
            {QStringLiteral("primary"), QStringLiteral("primary")},   {QStringLiteral("secondary"), QStringLiteral("secondary")},
            {QStringLiteral("tertiary"), QStringLiteral("tertiary")}, {QStringLiteral("danger"), QStringLiteral("danger")},
            {QStringLiteral("destructive"), QStringLiteral("danger")}, {QStringLiteral("ghost"), QStringLiteral("ghost")},
            {QStringLiteral("outline"), QStringLiteral("outline")},   {QStringLiteral("outlined"), QStringLiteral("outline")},
            {QStringLiteral("subtle"), QStringLiteral("subtle")},     {QStringLiteral("success"), QStringLiteral("success")},
            {QStringLiteral("warning"), QStringLiteral("warning")},   {QStringLiteral("info"), QStringLiteral("info")},
            {QStringLiteral("neutral"), QStringLiteral("neutral")},   {QStringLiteral("solid"), QStringLiteral("solid")},
            {QStringLiteral("soft"), QStringLiteral("soft")},         {QStringLiteral("elevated"), QStringLiteral("elevated")},
            {QStringLiteral("flat"), QStringLiteral("flat")},         {QStringLiteral("filled"), QStringLiteral("filled")},
            {QStringLiteral("link-style"), QStringLiteral("link")},   {QStringLiteral("error"), QStringLiteral("danger")},
        };
        if (const auto found = variants.constFind(w); found != variants.constEnd() && !negated) {
            // "error" is a variant only as a word of its own, not "error text"/"error message".
            if (w == QLatin1StringView("error") && (isWord(i + 1, QLatin1StringView("text"))
                                                    || isWord(i + 1, QLatin1StringView("message"))
                                                    || isWord(i + 1, QLatin1StringView("state"))))
                return;
            if (!r.variants.contains(*found))
                r.variants.append(*found);
            return;
        }
        static const QHash<QString, QString> sizes = {
            {QStringLiteral("small"), QStringLiteral("sm")},  {QStringLiteral("sm"), QStringLiteral("sm")},
            {QStringLiteral("medium"), QStringLiteral("md")}, {QStringLiteral("md"), QStringLiteral("md")},
            {QStringLiteral("large"), QStringLiteral("lg")},  {QStringLiteral("lg"), QStringLiteral("lg")},
            {QStringLiteral("big"), QStringLiteral("lg")},    {QStringLiteral("tiny"), QStringLiteral("xs")},
            {QStringLiteral("xs"), QStringLiteral("xs")},     {QStringLiteral("xl"), QStringLiteral("xl")},
            {QStringLiteral("huge"), QStringLiteral("xl")},   {QStringLiteral("compact"), QStringLiteral("sm")},
        };
        if (const auto found = sizes.constFind(w); found != sizes.constEnd()) {
            QString size = *found;
            if (isWord(i - 1, QLatin1StringView("extra")))
                size = size == QLatin1StringView("sm") ? QStringLiteral("xs") : size == QLatin1StringView("lg") ? QStringLiteral("xl") : size;
            if (!r.sizes.contains(size))
                r.sizes.append(size);
            return;
        }
        if (w == QLatin1StringView("extra-small") || w == QLatin1StringView("extra-large")) {
            const QString size = w == QLatin1StringView("extra-small") ? QStringLiteral("xs") : QStringLiteral("xl");
            if (!r.sizes.contains(size))
                r.sizes.append(size);
            return;
        }
        if (negated)
            return;
        if (w == QLatin1StringView("disabled") || w == QLatin1StringView("inactive"))
            r.disabled = true;
        else if (w == QLatin1StringView("loading") || w == QLatin1StringView("spinner") || w == QLatin1StringView("busy")
                 || w == QLatin1StringView("pending"))
            r.loading = true;
        else if (w == QLatin1StringView("required") || w == QLatin1StringView("mandatory"))
            r.required = true;
        else if (w == QLatin1StringView("dismissible") || w == QLatin1StringView("dismissable")
                 || w == QLatin1StringView("closable") || w == QLatin1StringView("closeable")
                 || w == QLatin1StringView("close"))
            r.dismissible = true;
        else if (w == QLatin1StringView("searchable") || w == QLatin1StringView("search") || w == QLatin1StringView("filterable")
                 || w == QLatin1StringView("autocomplete") || w == QLatin1StringView("typeahead"))
            r.searchable = true;
        else if (w == QLatin1StringView("multi-select") || w == QLatin1StringView("multiselect")
                 || w == QLatin1StringView("multiple") || w == QLatin1StringView("multi"))
            r.multiple = true;
        else if (w == QLatin1StringView("sortable") || w == QLatin1StringView("sorting") || w == QLatin1StringView("sort"))
            r.sortable = true;
        else if (w == QLatin1StringView("icon") || w == QLatin1StringView("icons") || w == QLatin1StringView("glyph"))
            r.withIcon = true;
        else if (w == QLatin1StringView("image") || w == QLatin1StringView("images") || w == QLatin1StringView("avatar")
                 || w == QLatin1StringView("photo") || w == QLatin1StringView("picture") || w == QLatin1StringView("thumbnail"))
            r.withImage = true;
    }

public:
    // [A-Z][A-Za-z0-9]{0,63}: ASCII letters and digits of each word, each word capitalised
    // (the rest of its case kept, so "ProfileCard" stays as written), leading digits dropped.
    static QString pascalName(const QString &text)
    {
        QString out;
        bool wordStart = true;
        for (const QChar c : text) {
            const bool ascii = c.unicode() < 128 && c.isLetterOrNumber();
            if (!ascii) {
                wordStart = true;
                continue;
            }
            if (out.isEmpty() && c.isDigit())
                continue;
            out += wordStart ? c.toUpper() : c;
            wordStart = false;
            if (out.size() >= 64)
                break;
        }
        return out;
    }

private:
    std::vector<Piece> p;
    ComponentRequest &r;
    bool afterWith = false;
};

} // namespace

Result<ComponentRequest> readComponentRequest(const QString &prompt)
{
    QString text = prompt.trimmed();
    if (text.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the prompt is empty: describe the component to generate"));
    if (text.size() > ComponentRequest::maxPromptLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the prompt is %1 characters long; keep it under %2")
                             .arg(text.size())
                             .arg(ComponentRequest::maxPromptLength));
    bool letters = false;
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
        letters = letters || c.isLetter();
    }
    if (!letters)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the prompt has no words: describe the component, e.g. \"a primary button\""));
    ComponentRequest request;
    request.prompt = text;
    Reader(prompt::split(text, maxEntryLength), request).read();
    return request;
}

} // namespace helios::spark
