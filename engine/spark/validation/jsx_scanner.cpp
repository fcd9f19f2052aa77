// SPDX-License-Identifier: Apache-2.0
#include "spark/validation/jsx_scanner.h"

#include <QSet>

namespace helios::spark {

const JsxAttribute *JsxElement::attribute(QLatin1StringView name) const
{
    for (const JsxAttribute &a : attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

bool JsxElement::hasValue(QLatin1StringView name) const
{
    const JsxAttribute *a = attribute(name);
    return a && (a->expression || !a->value.trimmed().isEmpty());
}

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')
        || c == QLatin1Char(':') || c == QLatin1Char('$');
}

bool isCompositeRole(const QString &role)
{
    static const QSet<QString> roles{QStringLiteral("listbox"), QStringLiteral("menu"), QStringLiteral("menubar"),
                                     QStringLiteral("tablist"), QStringLiteral("tree"), QStringLiteral("treegrid"),
                                     QStringLiteral("radiogroup"), QStringLiteral("grid")};
    return roles.contains(role);
}

class Scanner {
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    QList<JsxElement> run()
    {
        m_frames.append({Mode::Code, 0, -1});
        qsizetype i = 0;
        while (i < m_text.size())
            i = m_frames.back().mode == Mode::Code ? stepCode(i) : stepChildren(i);
        // Tolerance: whatever is still open closes at the end.
        for (qsizetype f = m_frames.size() - 1; f >= 0; --f) {
            if (m_frames[f].mode == Mode::Children)
                close(m_frames[f].element);
        }
        return std::move(m_elements);
    }

private:
    enum class Mode { Code, Children };
    struct Frame {
        Mode mode;
        int braceDepth;
        int element;
    };

    qsizetype skipString(qsizetype i) const
    {
        const QChar quote = m_text.at(i);
        for (++i; i < m_text.size(); ++i) {
            if (m_text.at(i) == QLatin1Char('\\'))
                ++i;
            else if (m_text.at(i) == quote)
                return i + 1;
        }
        return m_text.size();
    }

    // Past a comment starting at i, or i when there is none.
    qsizetype skipComment(qsizetype i) const
    {
        if (m_text.at(i) != QLatin1Char('/') || i + 1 >= m_text.size())
            return i;
        if (m_text.at(i + 1) == QLatin1Char('/')) {
            const qsizetype end = m_text.indexOf(QLatin1Char('\n'), i);
            return end < 0 ? m_text.size() : end + 1;
        }
        if (m_text.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = m_text.indexOf(QLatin1StringView("*/"), i + 2);
            return end < 0 ? m_text.size() : end + 2;
        }
        return i;
    }

    // Whether the '<' at i opens a tag: a name or '>' follows, and what precedes it is an
    // operator, a bracket or `return`, not an identifier (useState<string>, a < b).
    bool opensTag(qsizetype i) const
    {
        if (i + 1 >= m_text.size())
            return false;
        const QChar next = m_text.at(i + 1);
        if (!next.isLetter() && next != QLatin1Char('>'))
            return false;
        qsizetype p = i - 1;
        while (p >= 0 && m_text.at(p).isSpace())
            --p;
        if (p < 0)
            return true;
        const QChar prev = m_text.at(p);
        if (QStringView(u"(=,?:{[!&|;>}").contains(prev))
            return true;
        if (prev.isLetter()) {
            qsizetype s = p;
            while (s >= 0 && m_text.at(s).isLetter())
                --s;
            const QStringView word = m_text.mid(s + 1, p - s);
            return word == QLatin1StringView("return") || word == QLatin1StringView("default")
                || word == QLatin1StringView("yield");
        }
        return false;
    }

    // Index past the balanced {…} starting at i.
    qsizetype skipBraces(qsizetype i) const
    {
        int depth = 0;
        while (i < m_text.size()) {
            const QChar c = m_text.at(i);
            if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
                i = skipString(i);
                continue;
            }
            const qsizetype afterComment = skipComment(i);
            if (afterComment != i) {
                i = afterComment;
                continue;
            }
            if (c == QLatin1Char('{'))
                ++depth;
            else if (c == QLatin1Char('}') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }

    // Parses the opening tag at i ('<'); returns the index past it.
    qsizetype openTag(qsizetype i)
    {
        JsxElement element;
        element.offset = i;
        const int parentIndex = currentElement();
        element.parent = parentIndex;
        if (parentIndex >= 0) {
            const JsxElement &parent = m_elements[parentIndex];
            element.insideLabel = parent.insideLabel || parent.tag == QLatin1StringView("label");
            element.keyboardAncestor = parent.keyboardAncestor || parent.has(QLatin1StringView("onKeyDown"))
                || parent.has(QLatin1StringView("onKeyUp")) || parent.has(QLatin1StringView("onKeyPress"));
            const JsxAttribute *role = parent.attribute(QLatin1StringView("role"));
            element.compositeAncestor = parent.compositeAncestor || (role && isCompositeRole(role->value));
        }
        qsizetype j = i + 1;
        while (j < m_text.size() && isNameChar(m_text.at(j)))
            ++j;
        element.tag = m_text.mid(i + 1, j - i - 1).toString();
        bool selfClosing = false;
        while (j < m_text.size()) {
            const QChar c = m_text.at(j);
            if (c.isSpace()) {
                ++j;
            } else if (c == QLatin1Char('>')) {
                ++j;
                break;
            } else if (c == QLatin1Char('/') && j + 1 < m_text.size() && m_text.at(j + 1) == QLatin1Char('>')) {
                selfClosing = true;
                j += 2;
                break;
            } else if (c == QLatin1Char('{')) {
                const qsizetype end = skipBraces(j);
                if (m_text.mid(j + 1, end - j - 1).trimmed().startsWith(QLatin1StringView("...")))
                    element.spread = true;
                j = end;
            } else if (isNameChar(c)) {
                JsxAttribute attribute;
                const qsizetype nameStart = j;
                while (j < m_text.size() && isNameChar(m_text.at(j)))
                    ++j;
                attribute.name = m_text.mid(nameStart, j - nameStart).toString();
                qsizetype k = j;
                while (k < m_text.size() && m_text.at(k).isSpace())
                    ++k;
                if (k < m_text.size() && m_text.at(k) == QLatin1Char('=')) {
                    ++k;
                    while (k < m_text.size() && m_text.at(k).isSpace())
                        ++k;
                    if (k < m_text.size() && (m_text.at(k) == QLatin1Char('"') || m_text.at(k) == QLatin1Char('\''))) {
                        const qsizetype end = skipString(k);
                        attribute.value = m_text.mid(k + 1, std::max<qsizetype>(0, end - k - 2)).toString();
                        j = end;
                    } else if (k < m_text.size() && m_text.at(k) == QLatin1Char('{')) {
                        const qsizetype end = skipBraces(k);
                        attribute.value = m_text.mid(k + 1, std::max<qsizetype>(0, end - k - 2)).trimmed().toString();
                        attribute.expression = true;
                        j = end;
                    } else {
                        j = k;
                    }
                } else {
                    attribute.expression = true;   // a bare boolean attribute
                    attribute.value = QStringLiteral("true");
                }
                element.attributes.append(attribute);
            } else {
                ++j;   // tolerance: a character no JSX tag has
            }
        }
        m_elements.append(std::move(element));
        const int index = int(m_elements.size() - 1);
        if (selfClosing)
            close(index);
        else
            m_frames.append({Mode::Children, 0, index});
        return j;
    }

    int currentElement() const
    {
        for (qsizetype f = m_frames.size() - 1; f >= 0; --f) {
            if (m_frames[f].mode == Mode::Children)
                return m_frames[f].element;
        }
        return -1;
    }

    // An element ends: what it contributes to its parent's accessible name.
    void close(int index)
    {
        const JsxElement &element = m_elements[index];
        if (element.parent < 0)
            return;
        const JsxAttribute *hidden = element.attribute(QLatin1StringView("aria-hidden"));
        if (hidden && hidden->value != QLatin1StringView("false"))
            return;
        const bool named = element.hasValue(QLatin1StringView("aria-label"))
            || element.hasValue(QLatin1StringView("aria-labelledby"))
            || (element.tag == QLatin1StringView("img") && element.hasValue(QLatin1StringView("alt")));
        if (element.content || named)
            m_elements[element.parent].content = true;
    }

    qsizetype stepCode(qsizetype i)
    {
        Frame &frame = m_frames.back();
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`'))
            return skipString(i);
        if (const qsizetype after = skipComment(i); after != i)
            return after;
        if (c == QLatin1Char('{')) {
            ++frame.braceDepth;
        } else if (c == QLatin1Char('}')) {
            if (frame.braceDepth == 0 && m_frames.size() > 1)
                m_frames.removeLast();   // the end of a {…} child: back to the element's children
            else if (frame.braceDepth > 0)
                --frame.braceDepth;
        } else if (c == QLatin1Char('<') && opensTag(i)) {
            return openTag(i);
        }
        return i + 1;
    }

    qsizetype stepChildren(qsizetype i)
    {
        const int index = m_frames.back().element;
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('{')) {
            // An expression child: {children}, {label}, {items.map(...)}. Its value is
            // unknown, so it counts as content; a comment-only {/* … */} does not.
            const qsizetype end = skipBraces(i);
            QStringView inner = m_text.mid(i + 1, std::max<qsizetype>(0, end - i - 2)).trimmed();
            if (!(inner.startsWith(QLatin1StringView("/*")) && inner.endsWith(QLatin1StringView("*/"))))
                m_elements[index].content = true;
            m_frames.append({Mode::Code, 0, -1});
            return i + 1;
        }
        if (c == QLatin1Char('<') && i + 1 < m_text.size() && m_text.at(i + 1) == QLatin1Char('/')) {
            qsizetype j = i + 2;
            while (j < m_text.size() && m_text.at(j).isSpace())
                ++j;
            const qsizetype nameStart = j;
            while (j < m_text.size() && isNameChar(m_text.at(j)))
                ++j;
            const QStringView name = m_text.mid(nameStart, j - nameStart);
            const qsizetype end = m_text.indexOf(QLatin1Char('>'), j);
            // Close up to the matching open element among the innermost run of children
            // frames; a closing tag that matches none is ignored.
            qsizetype f = m_frames.size() - 1;
            while (f >= 0 && m_frames[f].mode == Mode::Children && m_elements[m_frames[f].element].tag != name)
                --f;
            if (f >= 0 && m_frames[f].mode == Mode::Children) {
                while (m_frames.size() > f) {
                    close(m_frames.back().element);
                    m_frames.removeLast();
                }
            }
            return end < 0 ? m_text.size() : end + 1;
        }
        if (c == QLatin1Char('<') && i + 1 < m_text.size()
            && (m_text.at(i + 1).isLetter() || m_text.at(i + 1) == QLatin1Char('>')))
            return openTag(i);
        if (!c.isSpace())
            m_elements[index].content = true;
        return i + 1;
    }

    QStringView m_text;
    QList<Frame> m_frames;
    QList<JsxElement> m_elements;
};

} // namespace

QList<JsxElement> scanJsx(QStringView source)
{
    return Scanner(source).run();
}

} // namespace helios::spark
