// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/generated_component.h"
#include "spark/routing.h"
#include "spark/validation_report.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace helios {
class Engine;
}

namespace helios::spark {

// Where a generation is, for a progress bar and a log.
struct GenerationProgress {
    int step = 0;
    int steps = 0;
    QString phase;            // "tokens", "route", "generate", "validate", "save"
    QString text;             // one line for a log
    QString llmDelta;         // streamed text of the LLM expert, when it runs
};

struct GenerateOptions {
    QString prompt;
    QString projectDir;                       // empty: the built-in tokens, nothing written
    std::optional<ExpertFamily> expert;       // forced expert; the routing is still reported
    int topK = 3;
    bool useLlm = true;                       // the LLM expert, when HELIOS_AI_URL is configured
    // With a project: save a passing generation as a version in the Store, cache its code
    // and announce it. False for a dry run: nothing is recorded anywhere.
    bool save = true;
    // Called on the generating thread. Keep it short.
    std::function<void(const GenerationProgress &)> progress;
    const std::atomic_bool *cancelled = nullptr;
};

// One generation: what the router said, what the expert wrote, what validation found,
// and the version it was saved as.
struct Generation {
    QString prompt;
    Routing routing;
    GeneratedComponent component;
    ValidationReport validation;
    QString tokensSource;      // "project tokens (tokens/tokens.config.json)", "built-in tokens"
    QString project;           // the project's name, or empty
    int version = 0;           // the component's version in the Store; 0 when not saved
    QStringList llmNotes;      // why the LLM expert was not used or fell back, if it was tried
};

struct AcceptOutcome {
    QStringList written;       // project-relative paths written
    bool built = false;        // an IGNIS build ran and succeeded
    QString buildSummary;      // one line about the build
};

// The seed's SPARK pipeline: load tokens (the project's token set through the Cache) →
// route → generate (the top expert, or the LLM expert) → validate → save the component
// and its version in the Store → cache the code → `component.generated` on the Bus.
// accept() writes a validated generation into the project (src/components/<Name>/, never
// outside it) and lets IGNIS build it.
// Blocking: run on a worker thread in an application. Thread-safe.
class SparkPipeline {
public:
    explicit SparkPipeline(Engine &engine);
    ~SparkPipeline();

    // InvalidArgument for a prompt readComponentRequest refuses; a generation that fails
    // validation is still returned (and not saved): check validation.passed().
    Result<Generation> generate(const GenerateOptions &options);

    // Conflict when the generation did not pass validation; nothing written then.
    Result<AcceptOutcome> accept(const Generation &generation, const QString &projectDir, bool build = true,
                                 const std::function<void(const GenerationProgress &)> &progress = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::spark
