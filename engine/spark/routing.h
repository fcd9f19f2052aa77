// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/expert_family.h"

#include <QList>
#include <QStringList>

namespace helios::spark {

// One expert the router chose, with its gate weight and why.
struct ExpertScore {
    ExpertFamily family = ExpertFamily::Button;
    double gate = 0;         // softmax probability renormalised over the top k: they sum to 1
    double probability = 0;  // the softmax probability over all experts
    QStringList drivers;     // the prompt features that weighed most for it, strongest first ("modal", "confirm dialog")
};

// The router's answer for one prompt: the top k experts, best first.
struct Routing {
    QList<ExpertScore> experts;
    const ExpertScore &best() const { return experts.front(); }
};

} // namespace helios::spark
