// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QtGlobal>

#include <span>
#include <vector>

namespace helios::spark {

// How the router is trained. The defaults are what the shipped router uses; with the same
// options and examples training gives bit-identical weights.
struct TrainOptions {
    int epochs = 30;
    double learningRate = 0.5;  // AdaGrad's base step
    double l2 = 1e-4;           // weight decay on the weights a step touches (not the biases)
    quint32 seed = 0x5eed1234u; // order in which examples are visited, per epoch
    int bucketBits = 16;        // feature hash size: 2^bucketBits buckets (PromptFeatures)
    // Learn per-class biases (a prior). Off by default: the shipped corpus is balanced on
    // purpose, and a learned prior only drifts with the visiting order, so a prompt with no
    // words would favour some family for no reason. Without it such a prompt is uniform.
    bool fitBiases = false;
};

// One non-zero input of a sparse example.
struct SparseEntry {
    quint32 index = 0;
    float value = 0;
};

// Multinomial logistic regression over sparse inputs: p(c|x) = softmax(W x + b). Small and
// dependency-free on purpose: the router has a few thousand live features and 17 classes,
// which trains in milliseconds with AdaGrad.
class SoftmaxModel {
public:
    struct Example {
        std::vector<SparseEntry> input;  // indices below `dimension`
        int label = 0;                   // 0 .. classes-1
    };

    SoftmaxModel() = default;
    SoftmaxModel(int classes, int dimension);

    // Deterministic SGD with AdaGrad steps and L2, visiting the examples in a seeded shuffled
    // order every epoch. Examples with an out-of-range label are ignored.
    static SoftmaxModel train(const std::vector<Example> &examples, int classes, int dimension,
                              const TrainOptions &options);

    int classCount() const { return m_classes; }
    int dimension() const { return m_dimension; }

    // p(c|x) for every class; uniform-ish (the biases) for an empty input.
    QList<double> probabilities(std::span<const SparseEntry> input) const;

    // What one unit of input `index` adds to class `cls`'s logit, relative to the mean over
    // all classes: softmax ignores a shift shared by every class, so this is the part of the
    // weight that actually favours `cls`.
    double relativeWeight(int cls, quint32 index) const;

private:
    void logits(std::span<const SparseEntry> input, std::vector<double> &out) const;

    int m_classes = 0;
    int m_dimension = 0;
    std::vector<float> m_weights;  // feature-major: [index * classes + cls], so a sparse input reads contiguously
    std::vector<float> m_biases;
};

} // namespace helios::spark
