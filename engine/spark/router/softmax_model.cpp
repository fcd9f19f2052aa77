// SPDX-License-Identifier: Apache-2.0
#include "spark/router/softmax_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace helios::spark {

namespace {

constexpr double adagradEpsilon = 1e-8;

// In place; stable for large logits.
void softmax(std::vector<double> &values)
{
    if (values.empty())
        return;
    const double top = *std::max_element(values.begin(), values.end());
    double sum = 0;
    for (double &v : values) {
        v = std::exp(v - top);
        sum += v;
    }
    for (double &v : values)
        v /= sum;
}

} // namespace

SoftmaxModel::SoftmaxModel(int classes, int dimension)
    : m_classes(std::max(classes, 1))
    , m_dimension(std::max(dimension, 1))
    , m_weights(std::size_t(m_classes) * std::size_t(m_dimension), 0.0f)
    , m_biases(std::size_t(m_classes), 0.0f)
{
}

void SoftmaxModel::logits(std::span<const SparseEntry> input, std::vector<double> &out) const
{
    out.assign(m_biases.begin(), m_biases.end());
    for (const SparseEntry &entry : input) {
        if (entry.index >= quint32(m_dimension))
            continue;
        const float *row = m_weights.data() + std::size_t(entry.index) * std::size_t(m_classes);
        for (int c = 0; c < m_classes; ++c)
            out[std::size_t(c)] += double(row[c]) * entry.value;
    }
}

QList<double> SoftmaxModel::probabilities(std::span<const SparseEntry> input) const
{
    std::vector<double> scores;
    logits(input, scores);
    softmax(scores);
    return QList<double>(scores.begin(), scores.end());
}

double SoftmaxModel::relativeWeight(int cls, quint32 index) const
{
    if (cls < 0 || cls >= m_classes || index >= quint32(m_dimension))
        return 0;
    const float *row = m_weights.data() + std::size_t(index) * std::size_t(m_classes);
    const double mean = std::accumulate(row, row + m_classes, 0.0) / m_classes;
    return double(row[cls]) - mean;
}

SoftmaxModel SoftmaxModel::train(const std::vector<Example> &examples, int classes, int dimension,
                                 const TrainOptions &options)
{
    SoftmaxModel model(classes, dimension);
    const std::size_t k = std::size_t(model.m_classes);
    std::vector<float> weightHistory(model.m_weights.size(), 0.0f);  // AdaGrad's sum of squared gradients
    std::vector<double> biasHistory(k, 0.0);

    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (examples[i].label >= 0 && examples[i].label < model.m_classes)
            order.push_back(i);
    }

    // mt19937's output sequence is fixed by the standard (std::shuffle's use of it is not),
    // so the shuffle is written out to stay identical on every standard library.
    std::mt19937 random(options.seed);
    std::vector<double> gradient;
    const double rate = options.learningRate;
    for (int epoch = 0; epoch < std::max(options.epochs, 0); ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[std::size_t(random()) % i]);

        for (std::size_t index : order) {
            const Example &example = examples[index];
            model.logits(example.input, gradient);
            softmax(gradient);
            gradient[std::size_t(example.label)] -= 1.0;  // d(cross-entropy)/d(logit) = p - y

            for (std::size_t c = 0; c < k && options.fitBiases; ++c) {
                const double g = gradient[c];
                biasHistory[c] += g * g;
                model.m_biases[c] -= float(rate * g / std::sqrt(biasHistory[c] + adagradEpsilon));
            }
            for (const SparseEntry &entry : example.input) {
                if (entry.index >= quint32(model.m_dimension))
                    continue;
                const std::size_t row = std::size_t(entry.index) * k;
                for (std::size_t c = 0; c < k; ++c) {
                    float &w = model.m_weights[row + c];
                    const double g = gradient[c] * entry.value + options.l2 * w;
                    float &history = weightHistory[row + c];
                    history += float(g * g);
                    w -= float(rate * g / std::sqrt(double(history) + adagradEpsilon));
                }
            }
        }
    }
    return model;
}

} // namespace helios::spark
