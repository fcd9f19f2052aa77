// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSet>
#include <QString>

#include <vector>

// The prompt reader's first step: a prompt as words, quoted strings and punctuation, in
// one linear scan. Separate from the reader, which gives the pieces meaning.
namespace helios::spark::prompt {

enum class Kind : unsigned char { Word, Quote, Punct };

struct Piece {
    Kind kind = Kind::Word;
    QString text;      // as written (a quote without its quote marks)
    QString lower;     // words only
    bool used = false; // taken by a name, title, list or part: not read again
};

// Splits the prompt. A quote opens only after a non-word character and closes only before
// one, so "don't" stays a word; an unmatched quote is dropped. Quoted text is simplified
// and cut at `maxQuoteLength` characters. Apostrophes and hyphens between word characters
// join words ("multi-select", "3-column").
std::vector<Piece> split(const QString &text, int maxQuoteLength);

// Words that end an unquoted phrase ("with", "and", "the", ...).
const QSet<QString> &stopWords();

// 1..12 for "one".."twelve" (also "single", "pair", "couple"), the value of up to four
// digits, the number before a hyphen ("3-column"); -1 for anything else.
int numberWord(const QString &lower);

} // namespace helios::spark::prompt
