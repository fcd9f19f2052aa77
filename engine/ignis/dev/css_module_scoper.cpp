// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/css_module_scoper.h"

#include <QHash>

namespace helios::ignis {

namespace {

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-'; }

// One pass over the stylesheet, copying it to `out` with class names renamed. Every
// function returns false on what it leaves to esbuild; the input is then dropped whole.
class Scoper {
public:
    Scoper(const QByteArray &css, QByteArray stem) : m_in(css), m_stem(std::move(stem)) { m_out.reserve(css.size() * 3 / 2); }

    std::optional<ScopedCssModule> run()
    {
        if (!ruleList(false))
            return std::nullopt;
        return ScopedCssModule{std::move(m_out), std::move(m_classes)};
    }

private:
    bool atEnd() const { return m_at >= m_in.size(); }
    char peek(qsizetype ahead = 0) const { return m_at + ahead < m_in.size() ? m_in.at(m_at + ahead) : '\0'; }
    void copy(qsizetype n = 1)
    {
        m_out.append(m_in.constData() + m_at, n);
        m_at += n;
    }

    // Copies a comment starting at m_at; false when it does not end.
    bool comment()
    {
        const qsizetype end = m_in.indexOf("*/", m_at + 2);
        if (end < 0)
            return false;
        copy(end + 2 - m_at);
        return true;
    }

    // Copies a quoted string starting at m_at; false when it does not end on its line.
    bool string()
    {
        const char quote = peek();
        copy();
        while (!atEnd()) {
            const char c = peek();
            if (c == '\\' && m_at + 1 < m_in.size()) {
                copy(2);
            } else if (c == '\n') {
                return false;
            } else {
                copy();
                if (c == quote)
                    return true;
            }
        }
        return false;
    }

    bool spaceAndComments()
    {
        for (;;) {
            while (!atEnd() && (peek() == ' ' || peek() == '\n' || peek() == '\t' || peek() == '\r' || peek() == '\f'))
                copy();
            if (peek() != '/' || peek(1) != '*')
                return true;
            if (!comment())
                return false;
        }
    }

    QByteArray identifierAt(qsizetype at) const
    {
        qsizetype end = at;
        while (end < m_in.size() && isIdentChar(m_in.at(end)))
            ++end;
        return m_in.mid(at, end - at);
    }

    // Rules until the end (top level) or the '}' closing a block (left for the caller).
    bool ruleList(bool nested)
    {
        for (;;) {
            if (!spaceAndComments())
                return false;
            if (atEnd())
                return !nested;
            if (peek() == '}')
                return nested;
            if (!(peek() == '@' ? atRule() : styleRule()))
                return false;
        }
    }

    bool atRule()
    {
        const QByteArray name = identifierAt(m_at + 1).toLower();
        const bool groups = name == "media" || name == "supports" || name == "layer";
        if (!groups && name != "font-face")
            return false;
        copy(1 + name.size());
        for (;;) {  // the prelude: a media query, a condition, layer names
            if (atEnd() || peek() == '}' || peek() == '\\' || uchar(peek()) >= 0x80)
                return false;
            if (peek() == ';') {  // `@layer a, b;`
                copy();
                return name == "layer";
            }
            if (peek() == '{')
                break;
            if (peek() == '"' || peek() == '\'') {
                if (!string())
                    return false;
            } else if (peek() == '/' && peek(1) == '*') {
                if (!comment())
                    return false;
            } else {
                copy();
            }
        }
        if (!groups)
            return declarations();
        copy();  // '{'
        if (!ruleList(true))
            return false;
        copy();  // '}'
        return true;
    }

    bool styleRule()
    {
        for (;;) {  // the selector list
            const char c = peek();
            if (atEnd() || c == '}' || c == ';' || c == '\\' || c == '@' || c == '#' || uchar(c) >= 0x80)
                return false;  // '#': esbuild scopes ids too
            if (c == '{')
                return declarations();
            if (c == '"' || c == '\'') {
                if (!string())
                    return false;
            } else if (c == '/' && peek(1) == '*') {
                if (!comment())
                    return false;
            } else if (c == ':') {
                const QByteArray pseudo = identifierAt(m_at + 1).toLower();
                if (pseudo == "global" || pseudo == "local")
                    return false;
                copy(1 + pseudo.size());
            } else if (c == '.') {
                if (!className())
                    return false;
            } else if (isIdentChar(c)) {
                copy(identifierAt(m_at).size());  // a type selector or a pseudo-class's argument: no '.' inside
            } else {
                copy();
            }
        }
    }

    bool className()
    {
        const char first = peek(1);
        if (!isIdentStart(first) && !(first == '-' && (isIdentStart(peek(2)) || peek(2) == '-')))
            return false;
        const QByteArray local = identifierAt(m_at + 1);
        const char next = m_at + 1 + local.size() < m_in.size() ? m_in.at(m_at + 1 + local.size()) : '\0';
        if (next == '\\' || uchar(next) >= 0x80)
            return false;
        auto known = m_index.constFind(local);
        if (known == m_index.constEnd()) {
            m_classes.append({local, m_stem + '_' + local});
            known = m_index.insert(local, m_classes.size() - 1);
        }
        m_out += '.' + m_classes.at(*known).second;
        m_at += 1 + local.size();
        return true;
    }

    // Properties whose values esbuild scopes (animation and container names, counter
    // styles), and `composes`.
    static bool namesLocals(const QByteArray &property)
    {
        return property == "composes" || property.contains("animation") || property.startsWith("container") ||
               property.startsWith("list-style");
    }

    // url() and image-set(): esbuild resolves the files they name.
    bool refersToFile() const
    {
        const QByteArray name = identifierAt(m_at).toLower();
        return (name == "url" || name == "image-set" || name == "-webkit-image-set") && peek(name.size()) == '(';
    }

    // A block of declarations, '{' to '}', copied as it is. Nested rules, and properties
    // with local names in their values, are esbuild's.
    bool declarations()
    {
        copy();  // '{'
        bool startOfDeclaration = true;
        for (;;) {
            if (!spaceAndComments())
                return false;
            const char c = peek();
            if (atEnd() || c == '{' || c == '@')
                return false;
            if (c == '}') {
                copy();
                return true;
            }
            if (startOfDeclaration && namesLocals(identifierAt(m_at).toLower()))
                return false;
            if ((c == 'u' || c == 'U' || c == 'i' || c == 'I' || c == '-') && refersToFile())
                return false;
            startOfDeclaration = c == ';';
            if (c == '"' || c == '\'') {
                if (!string())
                    return false;
            } else {
                copy();
            }
        }
    }

    const QByteArray &m_in;
    const QByteArray m_stem;
    qsizetype m_at = 0;
    QByteArray m_out;
    QList<std::pair<QByteArray, QByteArray>> m_classes;
    QHash<QByteArray, qsizetype> m_index;
};

} // namespace

QByteArray cssModuleStem(const QString &fileName)
{
    static const QLatin1String suffix(".module.css");
    if (!fileName.endsWith(suffix) || fileName.size() == suffix.size())
        return {};
    QByteArray stem = fileName.chopped(suffix.size()).toUtf8();
    if (!isIdentStart(stem.at(0)))
        return {};
    for (char &c : stem) {
        if (!isIdentChar(c))
            return {};
        if (c == '-')
            c = '_';
    }
    return stem;
}

std::optional<ScopedCssModule> scopeCssModule(const QString &fileName, const QByteArray &css)
{
    QByteArray stem = cssModuleStem(fileName);
    if (stem.isEmpty())
        return std::nullopt;
    return Scoper(css, std::move(stem)).run();
}

} // namespace helios::ignis
