// SPDX-License-Identifier: Apache-2.0
#include "spark/router/prompt_features.h"

#include <QSet>
#include <QStringBuilder>

#include <algorithm>
#include <cmath>
#include <map>

namespace helios::spark {

namespace {

// Trigram features are many per word; at full weight they would drown the words themselves.
constexpr float trigramValue = 0.35f;
// Words shorter than this have too few trigrams to say anything a unigram does not.
constexpr qsizetype trigramMinLength = 5;

struct Word {
    QString surface;  // lower-cased, as written
    QString stem;
    bool hyphenated = false;  // joined to the previous word by a single '-'
    bool stop = false;
};

// Words that carry no hint of which component is meant. Kept short on purpose: "show",
// "open", "hover" or "click" are evidence and stay.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w : {"a", "an", "the", "with", "and", "or", "of", "for", "to", "in", "on",
                              "at", "by", "from", "into", "that", "this", "these", "those", "is",
                              "are", "be", "it", "its", "as", "some", "me", "my", "i", "we", "our",
                              "you", "your", "please", "can", "could", "would", "should", "just",
                              "component", "make", "create", "build", "generate", "need", "want",
                              "give", "add", "like", "which", "where", "when", "has", "have", "so",
                              "very", "also", "then", "there", "their", "each", "one"})
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words.contains(word);
}

bool isDigits(QStringView word)
{
    return std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
}

// FNV-1a over the UTF-16 units, folded into the bucket range so the high bits count too.
quint32 bucketOf(QStringView key, int bits)
{
    quint32 hash = 2166136261u;
    for (QChar c : key) {
        const char16_t unit = c.unicode();
        hash = (hash ^ (unit & 0xffu)) * 16777619u;
        hash = (hash ^ (unit >> 8)) * 16777619u;
    }
    const quint32 mask = (1u << bits) - 1u;
    return ((hash >> bits) ^ hash) & mask;
}

bool endsWithDoubleConsonant(const QString &word)
{
    const qsizetype n = word.size();
    if (n < 2 || word[n - 1] != word[n - 2])
        return false;
    const QChar c = word[n - 1];
    // "scroll", "press", "buzz" keep their pair; "sett(ing)", "dropp(ed)" lose one.
    return QStringView(u"aeiouylsz").indexOf(c) < 0;
}

QList<Word> splitWords(QStringView text)
{
    QList<Word> words;
    qsizetype i = 0;
    const qsizetype n = text.size();
    qsizetype previousEnd = -1;
    while (i < n) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && text[i].isLetterOrNumber())
            ++i;
        const QString surface = text.sliced(start, i - start).toString().toLower();
        const bool joined = previousEnd >= 0 && start - previousEnd == 1 && text[previousEnd] == u'-';
        previousEnd = i;
        if (surface.size() < 2 && !isDigits(surface))
            continue;  // "s" of "user's", stray letters
        Word word;
        word.surface = surface;
        word.stem = isDigits(surface) ? QStringLiteral("<num>") : PromptFeatures::stem(surface);
        word.hyphenated = joined && !words.isEmpty();
        word.stop = isStopWord(surface);
        words.append(std::move(word));
    }
    return words;
}

} // namespace

PromptFeatures::PromptFeatures(int bucketBits)
    : m_bucketBits(std::clamp(bucketBits, 8, 20))
{
}

QString PromptFeatures::stem(const QString &word)
{
    QString s = word;
    if (s.size() <= 3)
        return s;
    if (s.endsWith(u"ies") && s.size() > 4) {
        s.chop(3);
        s.append(u'y');
    } else if (s.endsWith(u"sses") || s.endsWith(u"xes") || s.endsWith(u"ches") || s.endsWith(u"shes")) {
        s.chop(2);
    } else if (s.endsWith(u's') && !s.endsWith(u"ss") && !s.endsWith(u"us") && !s.endsWith(u"is")) {
        s.chop(1);
    }
    for (QStringView suffix : {QStringView(u"ing"), QStringView(u"ed")}) {
        if (s.endsWith(suffix) && s.size() - suffix.size() >= 3) {
            s.chop(suffix.size());
            if (endsWithDoubleConsonant(s))
                s.chop(1);
            break;
        }
    }
    return s;
}

QList<PromptFeature> PromptFeatures::extract(QStringView prompt) const
{
    const QList<Word> words = splitWords(prompt.left(maxPromptChars));

    // Keyed by the feature's own string (ordered, so nothing below depends on hash order):
    // a word said twice counts once.
    std::map<QString, PromptFeature> byKey;
    auto add = [&](const QString &key, const QString &text, float value) {
        byKey.try_emplace(key, PromptFeature{bucketOf(key, m_bucketBits), value, text});
    };

    const Word *previous = nullptr;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &word = words[i];
        if (word.hyphenated) {
            const Word &left = words[i - 1];
            add(u"w|" % stem(left.surface + word.surface), left.surface % u'-' % word.surface, 1.0f);
        }
        if (word.stop)
            continue;
        add(u"w|" % word.stem, word.surface, 1.0f);
        if (previous)
            add(u"b|" % previous->stem % u' ' % word.stem, previous->surface % u' ' % word.surface, 1.0f);
        previous = &word;
        if (word.surface.size() >= trigramMinLength) {
            const QString padded = u'^' % word.surface % u'$';
            for (qsizetype t = 0; t + 3 <= padded.size(); ++t)
                add(u"c|" % QStringView(padded).sliced(t, 3), word.surface, trigramValue);
        }
    }

    QList<PromptFeature> features;
    features.reserve(qsizetype(byKey.size()));
    for (auto &entry : byKey)
        features.append(std::move(entry.second));
    // Sorted by bucket (stable: key order breaks ties) so colliding features merge into the
    // first one's text, and every later sum runs in the same order.
    std::stable_sort(features.begin(), features.end(), [](const PromptFeature &a, const PromptFeature &b) {
        return a.bucket < b.bucket;
    });
    qsizetype out = 0;
    for (qsizetype i = 0; i < features.size(); ++i) {
        if (out > 0 && features[out - 1].bucket == features[i].bucket)
            features[out - 1].value += features[i].value;
        else if (out++ != i)
            features[out - 1] = std::move(features[i]);
    }
    features.resize(out);

    double norm = 0;
    for (const PromptFeature &feature : std::as_const(features))
        norm += double(feature.value) * feature.value;
    if (norm > 0) {
        const float scale = float(1.0 / std::sqrt(norm));
        for (PromptFeature &feature : features)
            feature.value *= scale;
    }
    return features;
}

} // namespace helios::spark
