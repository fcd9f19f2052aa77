// SPDX-License-Identifier: Apache-2.0
#include "spark/prompt_pieces.h"

#include <QHash>

#include <array>

namespace helios::spark::prompt {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// The quote marks we pair: ASCII single and double, typographic single and double, and
// guillemets. Index of the pair, or -1.
int openingQuote(QChar c)
{
    switch (c.unicode()) {
    case u'"': return 0;
    case u'\'': return 1;
    case 0x201C: case 0x201E: return 2; // “ „
    case 0x2018: return 3;              // ‘
    case 0x00AB: return 4;              // «
    default: return -1;
    }
}

bool closesQuote(QChar c, int pair)
{
    switch (pair) {
    case 0: return c == u'"';
    case 1: return c == u'\'';
    case 2: return c.unicode() == 0x201D || c == u'"';
    case 3: return c.unicode() == 0x2019 || c == u'\'';
    case 4: return c.unicode() == 0x00BB;
    default: return false;
    }
}

constexpr int quotePairs = 5;

} // namespace

// The next possible closer of each quote pair is found by one backward scan first, so an
// unmatched quote costs nothing.
std::vector<Piece> split(const QString &text, int maxQuoteLength)
{
    const qsizetype n = text.size();
    std::vector<std::array<qsizetype, quotePairs>> nextCloser(size_t(n) + 1);
    nextCloser[size_t(n)].fill(-1);
    for (qsizetype i = n - 1; i >= 0; --i) {
        nextCloser[size_t(i)] = nextCloser[size_t(i) + 1];
        const bool endsWord = i + 1 >= n || !isWordChar(text[i + 1]);
        for (int pair = 0; pair < quotePairs; ++pair) {
            if (closesQuote(text[i], pair) && (pair == 0 || pair == 2 || pair == 4 || endsWord))
                nextCloser[size_t(i)][size_t(pair)] = i;
        }
    }

    std::vector<Piece> pieces;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (isWordChar(c)) {
            qsizetype end = i + 1;
            // Apostrophes and hyphens join words ("don't", "multi-select", "3-column").
            while (end < n) {
                if (isWordChar(text[end])) {
                    ++end;
                } else if ((text[end] == u'\'' || text[end] == u'-' || text[end].unicode() == 0x2019) && end + 1 < n
                           && isWordChar(text[end + 1])) {
                    end += 2;
                } else {
                    break;
                }
            }
            Piece piece;
            piece.text = text.mid(i, end - i);
            piece.lower = piece.text.toLower();
            pieces.push_back(std::move(piece));
            i = end;
            continue;
        }
        const int pair = openingQuote(c);
        if (pair >= 0 && (i == 0 || !isWordChar(text[i - 1]))) {
            const qsizetype close = nextCloser[size_t(i) + 1][size_t(pair)];
            if (close > i + 1) {
                Piece piece;
                piece.kind = Kind::Quote;
                piece.text = text.mid(i + 1, close - i - 1).simplified().left(maxQuoteLength);
                if (!piece.text.isEmpty())
                    pieces.push_back(std::move(piece));
                i = close + 1;
                continue;
            }
        }
        if (c == u',' || c == u';' || c == u':' || c == u'.' || c == u'!' || c == u'?' || c == u'(' || c == u')'
            || c == u'&' || c == u'/') {
            Piece piece;
            piece.kind = Kind::Punct;
            piece.text = QString(c);
            pieces.push_back(std::move(piece));
        }
        ++i;
    }
    return pieces;
}

const QSet<QString> &stopWords()
{
    static const QSet<QString> words = {
        QStringLiteral("with"), QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("that"),
        QStringLiteral("which"), QStringLiteral("who"), QStringLiteral("where"), QStringLiteral("for"),
        QStringLiteral("having"), QStringLiteral("has"), QStringLiteral("have"), QStringLiteral("showing"),
        QStringLiteral("containing"), QStringLiteral("including"), QStringLiteral("in"), QStringLiteral("on"),
        QStringLiteral("of"), QStringLiteral("to"), QStringLiteral("using"), QStringLiteral("plus"),
        QStringLiteral("but"), QStringLiteral("when"), QStringLiteral("while"), QStringLiteral("then"),
        QStringLiteral("titled"), QStringLiteral("called"), QStringLiteral("named"), QStringLiteral("labelled"),
        QStringLiteral("labeled"), QStringLiteral("saying"), QStringLiteral("is"), QStringLiteral("are"),
        QStringLiteral("be"), QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("the"),
        QStringLiteral("featuring"), QStringLiteral("as"), QStringLiteral("by"), QStringLiteral("from"),
        QStringLiteral("into"), QStringLiteral("inside"), QStringLiteral("below"), QStringLiteral("above"),
        QStringLiteral("under"), QStringLiteral("over"), QStringLiteral("without"),
    };
    return words;
}

int numberWord(const QString &lower)
{
    static const QHash<QString, int> words = {
        {QStringLiteral("one"), 1},   {QStringLiteral("two"), 2},     {QStringLiteral("three"), 3},
        {QStringLiteral("four"), 4},  {QStringLiteral("five"), 5},    {QStringLiteral("six"), 6},
        {QStringLiteral("seven"), 7}, {QStringLiteral("eight"), 8},   {QStringLiteral("nine"), 9},
        {QStringLiteral("ten"), 10},  {QStringLiteral("eleven"), 11}, {QStringLiteral("twelve"), 12},
        {QStringLiteral("single"), 1}, {QStringLiteral("pair"), 2},   {QStringLiteral("couple"), 2},
    };
    // "3-column", "two-step": the number is the part before a hyphen.
    const qsizetype dash = lower.indexOf(u'-');
    const QString head = dash > 0 ? lower.left(dash) : lower;
    if (const auto found = words.constFind(head); found != words.constEnd())
        return *found;
    if (head.isEmpty() || head.size() > 4)
        return -1;
    int value = 0;
    for (const QChar c : head) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace helios::spark::prompt
