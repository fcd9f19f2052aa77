// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/component_request.h"
#include "spark/expert_family.h"

#include <QString>

namespace helios::spark {

class TokenPalette;

// What the LLM expert tells the model. The system prompt holds everything that does not
// depend on the user's words: the family's job and ARIA pattern, the file layout and the
// answer format answer_files.h reads, the project's tokens (CSS variables with their
// types and values) and the rules the validator enforces. The user message is the
// prompt plus what readComponentRequest understood of it.
namespace llm {

// Tokens listed in the system prompt at most; a larger set is cut with a note in the
// prompt, keeping the prompt within what small local models accept.
inline constexpr int maxPromptTokens = 400;

QString systemPrompt(ExpertFamily family, const QString &name, const TokenPalette &palette);
QString userPrompt(const ComponentRequest &request, const QString &name);

} // namespace llm
} // namespace helios::spark
