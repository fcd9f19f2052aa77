// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config.h"
#include "core/result.h"
#include "spark/component_request.h"
#include "spark/expert_family.h"
#include "spark/generated_component.h"

#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <optional>

namespace helios::spark {

class TokenPalette;

// Where the LLM expert's model is: an OpenAI-compatible server (OpenAI, llama.cpp,
// Ollama, vLLM, LM Studio...). The key is a secret: it goes into the Authorization header
// and nowhere else (no log, no error message).
struct LlmSettings {
    QString url;          // "https://api.example.com" or ".../v1"
    QString model;
    QString key;
    int timeoutMs = 120000;

    // HELIOS_AI_URL, HELIOS_AI_MODEL, HELIOS_AI_KEY; nullopt when HELIOS_AI_URL is unset:
    // the LLM expert is off.
    static std::optional<LlmSettings> fromConfig(const Config &config);
    // {url}/v1/chat/completions, whether or not `url` ends in /v1 (or already names the
    // endpoint).
    QUrl endpoint() const;
};

// The optional LLM expert: asks the model for the component's files with a system prompt
// made from the expert family and the project's tokens (llm_prompt.h), streams the answer
// (SSE) and reads its files (answer_files.h). The files are validated like any expert's
// by the caller.
class LlmExpert {
public:
    explicit LlmExpert(LlmSettings settings);

    // Blocking; usable from any thread: it runs its own QNetworkAccessManager and
    // QEventLoop on the calling thread. `onDelta` gets the answer's text as it streams, on
    // that thread. Errors (Unavailable for HTTP and connection failures, Timeout, Conflict
    // when cancelled, Corrupt for a malformed stream, InvalidArgument/PermissionDenied/
    // TooLarge for unacceptable files) carry the redacted URL as context.
    Result<GeneratedComponent> generate(const ComponentRequest &request, ExpertFamily family, const TokenPalette &palette,
                                        const std::function<void(const QString &delta)> &onDelta = {},
                                        const std::atomic_bool *cancelled = nullptr) const;

private:
    // `text` with the key replaced: server bodies can echo request headers.
    QString scrub(QString text) const;

    LlmSettings m_settings;
};

} // namespace helios::spark
