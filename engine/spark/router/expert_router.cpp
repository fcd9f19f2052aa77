// SPDX-License-Identifier: Apache-2.0
#include "spark/router/expert_router.h"

#include "core/logging.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <numeric>
#include <vector>

namespace helios::spark {

namespace {

constexpr int familyCount = int(expertFamilies.size());

std::vector<SparseEntry> toSparse(const QList<PromptFeature> &features)
{
    std::vector<SparseEntry> entries;
    entries.reserve(std::size_t(features.size()));
    for (const PromptFeature &feature : features)
        entries.push_back(SparseEntry{feature.bucket, feature.value});
    return entries;
}

// Families ordered by probability, best first; ties keep the enum order so the result
// never depends on anything but the numbers.
std::vector<int> ranking(const QList<double> &probabilities)
{
    std::vector<int> order(std::size_t(probabilities.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return probabilities[a] > probabilities[b]; });
    return order;
}

} // namespace

ExpertRouter::ExpertRouter()
    : m_model(familyCount, m_features.bucketCount())
{
}

const ExpertRouter &ExpertRouter::shared()
{
    // A function-local static: C++ guarantees one thread trains while the others wait.
    static const ExpertRouter router = [] {
        QElapsedTimer timer;
        timer.start();
        const QList<LabelledPrompt> corpus = RouterCorpus::training();
        ExpertRouter trained = train(corpus);
        qCInfo(lcSpark) << "router trained on" << corpus.size() << "prompts (corpus"
                        << RouterCorpus::digest().left(12) << ") in" << timer.elapsed() << "ms";
        return trained;
    }();
    return router;
}

ExpertRouter ExpertRouter::train(const QList<LabelledPrompt> &examples, const TrainOptions &options)
{
    ExpertRouter router;
    router.m_features = PromptFeatures(options.bucketBits);
    std::vector<SoftmaxModel::Example> data;
    data.reserve(std::size_t(examples.size()));
    for (const LabelledPrompt &example : examples)
        data.push_back({toSparse(router.m_features.extract(example.prompt)), int(example.family)});
    router.m_model = SoftmaxModel::train(data, familyCount, router.m_features.bucketCount(), options);
    return router;
}

QList<double> ExpertRouter::probabilities(const QString &prompt) const
{
    return m_model.probabilities(toSparse(m_features.extract(prompt)));
}

Routing ExpertRouter::route(const QString &prompt, int topK) const
{
    const QList<PromptFeature> features = m_features.extract(prompt);
    const QList<double> probabilities = m_model.probabilities(toSparse(features));
    const std::vector<int> order = ranking(probabilities);
    const int k = std::clamp(topK, 1, familyCount);

    double topMass = 0;
    for (int i = 0; i < k; ++i)
        topMass += probabilities[order[std::size_t(i)]];

    Routing routing;
    routing.experts.reserve(k);
    for (int i = 0; i < k; ++i) {
        const int cls = order[std::size_t(i)];
        ExpertScore score;
        score.family = expertFamilies[std::size_t(cls)].family;
        score.probability = probabilities[cls];
        score.gate = topMass > 0 ? probabilities[cls] / topMass : 1.0 / k;

        // A word's trigrams and its unigram explain the same thing; they add up under the
        // word's text, so "collapsible" is one driver, not six.
        QHash<QString, double> contribution;
        for (const PromptFeature &feature : features)
            contribution[feature.text] += double(feature.value) * m_model.relativeWeight(cls, feature.bucket);
        QList<std::pair<double, QString>> positive;
        for (auto it = contribution.cbegin(); it != contribution.cend(); ++it) {
            if (it.value() > 1e-6)
                positive.append({it.value(), it.key()});
        }
        std::sort(positive.begin(), positive.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (qsizetype d = 0; d < positive.size() && d < maxDrivers; ++d)
            score.drivers.append(positive[d].second);
        routing.experts.append(std::move(score));
    }
    return routing;
}

RouterEvaluation ExpertRouter::evaluate(const QList<LabelledPrompt> &examples) const
{
    RouterEvaluation evaluation;
    for (const LabelledPrompt &example : examples) {
        const std::vector<int> order = ranking(probabilities(example.prompt));
        const int expected = int(example.family);
        ++evaluation.total;
        if (order[0] == expected) {
            ++evaluation.top1;
            ++evaluation.top2;
            continue;
        }
        if (order.size() > 1 && order[1] == expected)
            ++evaluation.top2;
        evaluation.misses.append({example, expertFamilies[std::size_t(order[0])].family});
    }
    return evaluation;
}

} // namespace helios::spark
