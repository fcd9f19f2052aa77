// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/router/prompt_features.h"
#include "spark/router/router_corpus.h"
#include "spark/router/softmax_model.h"
#include "spark/routing.h"

#include <QList>
#include <QString>

namespace helios::spark {

// How well a router does on labelled prompts it was not trained on.
struct RouterEvaluation {
    struct Miss {
        LabelledPrompt example;
        ExpertFamily routedTo = ExpertFamily::Button;
    };

    int total = 0;
    int top1 = 0;  // the right expert came first
    int top2 = 0;  // ... or second
    QList<Miss> misses;  // wrong at top 1

    double top1Accuracy() const { return total ? double(top1) / total : 0; }
    double top2Accuracy() const { return total ? double(top2) / total : 0; }
};

// The mixture-of-experts gate: a softmax classifier over hashed prompt features that picks
// which offline experts should answer a prompt, with gate weights and the prompt features
// that drove each choice. Immutable once trained, so one instance serves every thread.
class ExpertRouter {
public:
    // Untrained: every prompt routes uniformly.
    ExpertRouter();

    // The router trained on the shipped corpus (RouterCorpus::training()), trained once per
    // process on first use -- it takes milliseconds, so it is not cached on disk -- and kept.
    static const ExpertRouter &shared();

    // Top k experts (k clamped to 1..17), best first; gates renormalised over the top k
    // (they sum to 1); drivers = up to 5 prompt features with the largest positive
    // contribution to that expert, as the prompt wrote them ("modal", "confirm dialog").
    // Never fails: an empty or meaningless prompt gets a near-uniform routing with no drivers.
    Routing route(const QString &prompt, int topK = 3) const;

    // p(expert | prompt) for all 17 families, indexed by ExpertFamily.
    QList<double> probabilities(const QString &prompt) const;

    static ExpertRouter train(const QList<LabelledPrompt> &examples, const TrainOptions &options = {});

    RouterEvaluation evaluate(const QList<LabelledPrompt> &examples) const;

    static constexpr int maxDrivers = 5;

private:
    PromptFeatures m_features;
    SoftmaxModel m_model;
};

} // namespace helios::spark
