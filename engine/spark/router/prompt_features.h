// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace helios::spark {

// One feature of a prompt: where it lands in the hashed weight vector, its value (the
// vector is L2-normalised so long prompts do not shout) and the prompt text it came from,
// which is what the router shows as a driver.
struct PromptFeature {
    quint32 bucket = 0;
    float value = 0;
    QString text;  // the words as the prompt wrote them, lower-cased: "confirm dialog"
};

// Turns a prompt into sparse hashed features: stemmed word unigrams, word bigrams (stop
// words skipped, so "list of users" gives "list user"), hyphen compounds ("check-box" also
// counts as "checkbox") and character trigrams of longer words, which let unseen word forms
// ("collapsible", "collapsing") share weight with seen ones. Hashing (FNV-1a) keeps the model
// a fixed size whatever the vocabulary; the text is kept only for explanation.
class PromptFeatures {
public:
    static constexpr int defaultBucketBits = 16;

    explicit PromptFeatures(int bucketBits = defaultBucketBits);

    int bucketCount() const { return 1 << m_bucketBits; }

    // Features of `prompt`, each bucket once, sorted by bucket. Empty for a prompt with no
    // words. Only the first maxPromptChars characters are read: real prompts are far
    // shorter, and this bounds the work for a pasted 100 KB blob.
    QList<PromptFeature> extract(QStringView prompt) const;

    // The light stemmer, public for tests: plural s/es/ies, -ing, -ed.
    static QString stem(const QString &word);

    static constexpr qsizetype maxPromptChars = 32 * 1024;

private:
    int m_bucketBits;
};

} // namespace helios::spark
