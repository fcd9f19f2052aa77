// SPDX-License-Identifier: Apache-2.0
#include "slate/json_reader.h"

#include "core/ascii.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <thread>
#include <vector>

namespace helios::slate {

namespace {

// Member names up to this many bytes (without escapes) are shared through the table of
// names met before (Parser::parseKey).
constexpr qsizetype maxInternedKey = 32;

class Parser {
public:
    Parser(QByteArrayView utf8, const QString &fileName, Diagnostics &diagnostics)
        : m_p(utf8.data()), m_end(utf8.data() + utf8.size()),
          m_lineStart(utf8.data()), m_columnLineStart(utf8.data()), m_columnAt(utf8.data()),
          m_file(fileName), m_diagnostics(diagnostics)
    {
    }

    bool parseDocument(JsonValue &root)
    {
        if (m_end - m_p >= 3 && uchar(m_p[0]) == 0xEF && uchar(m_p[1]) == 0xBB && uchar(m_p[2]) == 0xBF) {
            m_p += 3;
            m_lineStart = m_columnLineStart = m_columnAt = m_p;
        }
        skipWhitespace();
        if (!parseValue(root, 0))
            return false;
        skipWhitespace();
        if (m_p != m_end)
            return fail(QStringLiteral("unexpected content after the top-level value"), QStringLiteral("end of file"));
        return true;
    }

    // Continues at `at`, counting lines from the start (a memchr per line: cheap next to
    // parsing), for one part of a parallel read.
    void startAt(const char *at)
    {
        for (const char *nl; (nl = static_cast<const char *>(memchr(m_p, '\n', size_t(at - m_p)))) != nullptr;) {
            ++m_line;
            m_p = nl + 1;
        }
        m_lineStart = m_columnLineStart = m_columnAt = m_p;
        m_column = 1;
        m_p = at;
    }

    // Reads top-level members from here: up to `split` (where the next part starts), or
    // to the object's closing brace and the end of the text when `split` is null. False
    // when the text does not read that way, `split` being inside a value included.
    bool parseTopLevelMembers(const char *split, std::vector<JsonValue> &members)
    {
        for (;;) {
            JsonValue value;
            if (!parseMember(value, 1))
                return false;
            members.push_back(std::move(value));
            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipWhitespace();
                if (m_p == split)
                    return true;
                if (split && m_p > split)
                    return false;
                continue;
            }
            if (split || m_p >= m_end || *m_p != '}')
                return false;
            ++m_p;
            skipWhitespace();
            return m_p == m_end;
        }
    }

    SourcePosition positionOf(const char *at) { return positionAt(at); }

private:
    // Columns are counted lazily but incrementally: positions are asked for in increasing
    // order, so each byte is counted once even on a single 10 MB line.
    SourcePosition positionAt(const char *at)
    {
        if (m_columnLineStart != m_lineStart) {
            m_columnLineStart = m_lineStart;
            m_columnAt = m_lineStart;
            m_column = 1;
        }
        while (m_columnAt < at) {
            if ((uchar(*m_columnAt) & 0xC0) != 0x80)
                ++m_column;
            ++m_columnAt;
        }
        return {m_line, m_column};
    }

    QString describeHere() const
    {
        if (m_p >= m_end)
            return QStringLiteral("end of file");
        const uchar c = uchar(*m_p);
        if (c < 0x20)
            return QStringLiteral("control character U+%1").arg(c, 4, 16, QLatin1Char('0'));
        if (c >= 0x80)
            return QStringLiteral("a non-ASCII character");
        return QLatin1Char('\'') + QChar(QLatin1Char(char(c))) + QLatin1Char('\'');
    }

    bool fail(const QString &message, const QString &expected)
    {
        return failAt(m_p, message, expected, describeHere());
    }

    bool failAt(const char *at, const QString &message, const QString &expected, const QString &found)
    {
        Diagnostic d;
        d.kind = Diagnostic::Kind::MalformedJson;
        d.file = m_file;
        d.position = positionAt(at);
        d.message = message;
        d.expected = expected;
        d.found = found;
        m_diagnostics.push_back(std::move(d));
        return false;
    }

    void skipWhitespace()
    {
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == ' ') {
                ++m_p;
                // Indentation: pretty-printed files are ~40% spaces, in runs.
                constexpr quint64 eightSpaces = 0x2020202020202020u;
                quint64 word;
                while (m_end - m_p >= 8 && (memcpy(&word, m_p, 8), word == eightSpaces))
                    m_p += 8;
            } else if (c == '\t' || c == '\r') {
                ++m_p;
            } else if (c == '\n') {
                ++m_p;
                ++m_line;
                m_lineStart = m_p;
            } else {
                break;
            }
        }
    }

    bool parseValue(JsonValue &out, int depth)
    {
        if (m_p >= m_end)
            return fail(QStringLiteral("unexpected end of file"), QStringLiteral("a value"));
        out.setPosition(positionAt(m_p));
        switch (*m_p) {
        case '{': return parseObject(out, depth + 1);
        case '[': return parseArray(out, depth + 1);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out.setString(std::move(s));
            return true;
        }
        case 't': return parseLiteral("true", out, [](JsonValue &v) { v.setBool(true); });
        case 'f': return parseLiteral("false", out, [](JsonValue &v) { v.setBool(false); });
        case 'n': return parseLiteral("null", out, [](JsonValue &v) { v.setKind(JsonValue::Kind::Null); });
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return parseNumber(out);
            return fail(QStringLiteral("expected a value"), QStringLiteral("a value"));
        }
    }

    template <typename Set>
    bool parseLiteral(const char *word, JsonValue &out, Set set)
    {
        const qsizetype n = qsizetype(qstrlen(word));
        if (m_end - m_p < n || memcmp(m_p, word, size_t(n)) != 0)
            return fail(QStringLiteral("invalid literal"), QStringLiteral("a value"));
        m_p += n;
        set(out);
        return true;
    }

    bool parseNumber(JsonValue &out)
    {
        const char *start = m_p;
        const char *p = m_p;
        auto digit = [&](const char *q) { return q < m_end && *q >= '0' && *q <= '9'; };
        if (*p == '-')
            ++p;
        if (!digit(p)) {
            m_p = p;
            return fail(QStringLiteral("invalid number"), QStringLiteral("a digit"));
        }
        if (*p == '0') {
            ++p;
        } else {
            while (digit(p))
                ++p;
        }
        if (p < m_end && *p == '.') {
            ++p;
            if (!digit(p)) {
                m_p = p;
                return fail(QStringLiteral("invalid number"), QStringLiteral("a digit after '.'"));
            }
            while (digit(p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (!digit(p)) {
                m_p = p;
                return fail(QStringLiteral("invalid number"), QStringLiteral("a digit in the exponent"));
            }
            while (digit(p))
                ++p;
        }
        double value = 0;
        const auto r = std::from_chars(start, p, value);
        if (r.ec != std::errc() || r.ptr != p) {
            return failAt(start, QStringLiteral("number out of range"), QStringLiteral("a finite number"),
                          QString::fromLatin1(start, p - start));
        }
        m_p = p;
        out.setNumber(value);
        return true;
    }

    bool parseHex4(char16_t &out)
    {
        if (m_end - m_p < 4)
            return fail(QStringLiteral("truncated \\u escape"), QStringLiteral("four hex digits"));
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexDigitValue(m_p[i]);
            if (h < 0) {
                m_p += i;
                return fail(QStringLiteral("invalid \\u escape"), QStringLiteral("a hex digit"));
            }
            v = v * 16 + unsigned(h);
        }
        m_p += 4;
        out = char16_t(v);
        return true;
    }

    // m_p is on the opening quote.
    bool parseString(QString &out)
    {
        ++m_p;
        const char *runStart = m_p;
        // Fast path: no escapes, one conversion of the whole run.
        while (m_p < m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"') {
                out = QString::fromUtf8(runStart, m_p - runStart);
                ++m_p;
                return true;
            }
            if (c == '\\')
                break;
            if (c < 0x20)
                return fail(QStringLiteral("control character in string"), QStringLiteral("an escaped character"));
            ++m_p;
        }
        while (m_p < m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"') {
                out += QString::fromUtf8(runStart, m_p - runStart);
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("control character in string"), QStringLiteral("an escaped character"));
            if (c != '\\') {
                ++m_p;
                continue;
            }
            out += QString::fromUtf8(runStart, m_p - runStart);
            ++m_p;
            if (m_p >= m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"': out += QLatin1Char('"'); break;
            case '\\': out += QLatin1Char('\\'); break;
            case '/': out += QLatin1Char('/'); break;
            case 'b': out += QLatin1Char('\b'); break;
            case 'f': out += QLatin1Char('\f'); break;
            case 'n': out += QLatin1Char('\n'); break;
            case 'r': out += QLatin1Char('\r'); break;
            case 't': out += QLatin1Char('\t'); break;
            case 'u': {
                char16_t unit = 0;
                if (!parseHex4(unit))
                    return false;
                out += QChar(unit);
                break;
            }
            default:
                --m_p;
                return fail(QStringLiteral("invalid escape in string"),
                            QStringLiteral("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"));
            }
            runStart = m_p;
        }
        return fail(QStringLiteral("unterminated string"), QStringLiteral("'\"'"));
    }

    // Member names repeat: "$value" in every token, "value" and "unit" in every
    // dimension, shade names in every palette. A short name without escapes is looked up
    // in a small table of names met before, so most members share a QString (implicitly
    // shared) instead of converting and allocating one each. A name that never repeats
    // costs a table slot; a repeating one it pushes out comes back on its next use.
    bool parseKey(QString &out)
    {
        const char *const start = m_p + 1;
        const char *q = start;
        quint32 hash = 2166136261u; // FNV-1a
        while (q < m_end && q - start <= maxInternedKey && *q != '"' && *q != '\\' && uchar(*q) >= 0x20)
            hash = (hash ^ uchar(*q++)) * 16777619u;
        if (q >= m_end || *q != '"' || q - start > maxInternedKey)
            return parseString(out);
        const size_t n = size_t(q - start);
        m_p = q + 1;
        KnownKey &known = m_knownKeys[hash % m_knownKeys.size()];
        if (known.size != n || memcmp(known.bytes, start, n) != 0) {
            known.size = n;
            memcpy(known.bytes, start, n);
            known.text = QString::fromUtf8(start, qsizetype(n));
        }
        out = known.text;
        return true;
    }

    // `"name": value` from m_p, the name (and its position) set on `value`.
    bool parseMember(JsonValue &value, int depth)
    {
        if (m_p >= m_end || *m_p != '"')
            return fail(QStringLiteral("expected a member name in double quotes"), QStringLiteral("'\"'"));
        const SourcePosition keyPosition = positionAt(m_p);
        QString key;
        if (!parseKey(key))
            return false;
        skipWhitespace();
        if (m_p >= m_end || *m_p != ':')
            return fail(QStringLiteral("expected ':' after a member name"), QStringLiteral("':'"));
        ++m_p;
        skipWhitespace();
        if (!parseValue(value, depth))
            return false;
        value.setKey(std::move(key), keyPosition);
        return true;
    }

    bool checkDepth(int depth)
    {
        if (depth > JsonReader::maxDepth)
            return fail(QStringLiteral("nesting too deep"),
                        QStringLiteral("at most %1 levels").arg(JsonReader::maxDepth));
        return true;
    }

    bool parseArray(JsonValue &out, int depth)
    {
        if (!checkDepth(depth))
            return false;
        out.setKind(JsonValue::Kind::Array);
        ++m_p;
        skipWhitespace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        auto &children = out.children();
        for (;;) {
            skipWhitespace();
            children.emplace_back();
            if (!parseValue(children.back(), depth))
                return false;
            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' after an array element"), QStringLiteral("',' or ']'"));
        }
    }

    bool parseObject(JsonValue &out, int depth)
    {
        if (!checkDepth(depth))
            return false;
        out.setKind(JsonValue::Kind::Object);
        ++m_p;
        skipWhitespace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        // Members are collected in a scratch vector kept per nesting depth and moved into
        // an exactly sized vector at the end: growing each object's own vector 1 -> 2 -> 4
        // -> 8 allocated (and page-faulted) about twice the memory the tree needs. The
        // scratch is indexed afresh after every recursion because deeper levels may grow
        // m_scratch. Every object at one depth finishes before the next one starts there.
        if (m_scratch.size() <= size_t(depth))
            m_scratch.resize(size_t(depth) + 1);
        m_scratch[size_t(depth)].clear();
        // Small objects check duplicates by scanning; big ones (a group of 1,000 tokens)
        // switch to a hash so the check stays linear.
        constexpr size_t linearLimit = 16;
        QSet<QString> seen;
        for (;;) {
            skipWhitespace();
            // Read straight into the scratch: the element stays in place while deeper
            // levels grow m_scratch, which moves the vectors but not their elements.
            if (!parseMember(m_scratch[size_t(depth)].emplace_back(), depth))
                return false;
            std::vector<JsonValue> &children = m_scratch[size_t(depth)];
            const JsonValue &value = children.back();
            const QString &key = value.key();
            const auto earlier = children.end() - 1;

            const JsonValue *first = nullptr;
            if (children.size() <= linearLimit) {
                for (auto c = children.begin(); c != earlier; ++c) {
                    if (c->hasKey(key)) {
                        first = &*c;
                        break;
                    }
                }
            } else {
                if (seen.isEmpty()) {
                    seen.reserve(qsizetype(children.size() * 2));
                    for (auto c = children.begin(); c != earlier; ++c)
                        seen.insert(c->key());
                }
                if (seen.contains(key)) {
                    for (auto c = children.begin(); c != earlier; ++c) {
                        if (c->key() == key) {
                            first = &*c;
                            break;
                        }
                    }
                } else {
                    seen.insert(key);
                }
            }
            if (first) {
                Diagnostic d;
                d.kind = Diagnostic::Kind::DuplicateKey;
                d.file = m_file;
                d.position = value.keyPosition();
                d.message = QStringLiteral("duplicate key \"%1\", first defined at %2:%3; the first is kept")
                                .arg(key)
                                .arg(first->keyPosition().line)
                                .arg(first->keyPosition().column);
                d.expected = QStringLiteral("unique keys in an object");
                d.found = QLatin1Char('"') + key + QLatin1Char('"');
                m_diagnostics.push_back(std::move(d));
                children.pop_back();
            }

            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                std::vector<JsonValue> &members = m_scratch[size_t(depth)];
                out.children().assign(std::make_move_iterator(members.begin()),
                                      std::make_move_iterator(members.end()));
                members.clear();
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' after an object member"), QStringLiteral("',' or '}'"));
        }
    }

    const char *m_p;
    const char *m_end;
    const char *m_lineStart;
    const char *m_columnLineStart;
    const char *m_columnAt;
    int m_line = 1;
    int m_column = 1;
    const QString &m_file;
    Diagnostics &m_diagnostics;
    std::vector<std::vector<JsonValue>> m_scratch; // object members being read, per depth
    struct KnownKey {
        size_t size = size_t(-1);  // none yet
        char bytes[maxInternedKey];
        QString text;
    };
    std::array<KnownKey, 256> m_knownKeys;
};

// Where a large document could be split for a parallel read: the start of a top-level
// member near the middle, found by its indentation (the first member's), without reading
// the values. Only a guess: the parts' parsers confirm it. nullptr when there is none.
const char *splitGuess(QByteArrayView utf8, const char *&firstMember)
{
    const char *const begin = utf8.data();
    const char *const end = begin + utf8.size();
    const char *p = begin;
    while (p < end && *p != '{')
        ++p;
    const char *const open = p;
    for (++p; p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'); ++p) { }
    if (p >= end || *p != '"' || open >= end)
        return nullptr;
    firstMember = p;
    const char *indentStart = p;
    while (indentStart > open + 1 && indentStart[-1] != '\n')
        --indentStart;
    if (indentStart[-1] != '\n') // the first member is on the brace's line: not pretty-printed
        return nullptr;
    // "\n" + indentation + '"': where a top-level member begins in a pretty-printed file.
    const QByteArray marker = '\n' + QByteArray(indentStart, p - indentStart) + '"';
    const QByteArrayView rest(begin + utf8.size() / 2, end);
    const qsizetype at = rest.indexOf(marker);
    return at < 0 ? nullptr : rest.data() + at + marker.size() - 1;
}

// Reads a large document's top-level object in two parts at once, one per core, split
// where splitGuess says. False when the guess was wrong or anything is amiss (a problem,
// a duplicate name): the sequential reader then does it all and reports exactly.
bool parseInParallel(QByteArrayView utf8, const QString &fileName, JsonValue &root)
{
    const char *first = nullptr;
    const char *const split = splitGuess(utf8, first);
    if (!split)
        return false;
    Diagnostics firstProblems, secondProblems;
    std::vector<JsonValue> head, tail;
    bool tailOk = false;
    std::thread worker([&] {
        Parser parser(utf8, fileName, secondProblems);
        parser.startAt(split);
        tailOk = parser.parseTopLevelMembers(nullptr, tail);
    });
    Parser parser(utf8, fileName, firstProblems);
    parser.startAt(first);
    const bool headOk = parser.parseTopLevelMembers(split, head);
    worker.join();
    if (!headOk || !tailOk || !firstProblems.empty() || !secondProblems.empty())
        return false;
    QSet<QString> names;
    names.reserve(qsizetype(head.size() + tail.size()));
    for (const std::vector<JsonValue> *part : {&head, &tail}) {
        for (const JsonValue &member : *part)
            names.insert(member.key());
    }
    if (size_t(names.size()) != head.size() + tail.size())
        return false;
    root.setKind(JsonValue::Kind::Object);
    const char *const brace = std::find(utf8.data(), first, '{');
    Parser atBrace(utf8, fileName, firstProblems);
    atBrace.startAt(brace);
    root.setPosition(atBrace.positionOf(brace));
    head.insert(head.end(), std::make_move_iterator(tail.begin()), std::make_move_iterator(tail.end()));
    root.children() = std::move(head);
    return true;
}

} // namespace

JsonReader::Result JsonReader::parse(QByteArrayView utf8, const QString &fileName)
{
    Result result;
    // Below this, a second thread costs more than it saves.
    constexpr qsizetype parallelFrom = 512 * 1024;
    if (utf8.size() >= parallelFrom && std::thread::hardware_concurrency() > 1
        && parseInParallel(utf8, fileName, result.root)) {
        result.complete = true;
        result.parts = 2;
        return result;
    }
    result.root = JsonValue();
    Parser parser(utf8, fileName, result.diagnostics);
    result.complete = parser.parseDocument(result.root);
    return result;
}

} // namespace helios::slate
