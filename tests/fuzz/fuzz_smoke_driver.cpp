// SPDX-License-Identifier: Apache-2.0
#include "fuzz_smoke_driver.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace {

// xorshift64*: small, fast and the same on every platform, so a failure replays.
class Random {
public:
    explicit Random(uint64_t seed)
        : m_state(seed ? seed : 0x9e3779b97f4a7c15ULL)
    {
    }
    uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545f4914f6cdd1dULL;
    }
    size_t below(size_t n) { return n ? size_t(next() % n) : 0; }

private:
    uint64_t m_state;
};

QByteArray mutate(QByteArray data, Random &random, const std::vector<QByteArray> &corpus,
                  const std::vector<const char *> &fragments)
{
    const int steps = 1 + int(random.below(4));
    for (int s = 0; s < steps; ++s) {
        const qsizetype at = qsizetype(random.below(size_t(data.size()) + 1));
        switch (random.below(6)) {
        case 0: // flip a bit
            if (!data.isEmpty())
                data[at % data.size()] = char(data[at % data.size()] ^ char(1 << random.below(8)));
            break;
        case 1: // drop a run
            data.remove(at, qsizetype(random.below(16)));
            break;
        case 2: // insert a fragment
            data.insert(at, fragments[random.below(fragments.size())]);
            break;
        case 3: // duplicate a run (deep nesting, repeated keys)
            if (!data.isEmpty())
                data.insert(at, data.mid(at % data.size(), qsizetype(1 + random.below(64))));
            break;
        case 4: { // splice another seed
            const QByteArray &other = corpus[random.below(corpus.size())];
            data.insert(at, other.mid(qsizetype(random.below(size_t(other.size()) + 1)), qsizetype(random.below(128))));
            break;
        }
        default: // a random byte
            data.insert(at, char(random.below(256)));
            break;
        }
    }
    return data.left(64 * 1024);
}

} // namespace

namespace helios::test {

int runFuzzSmoke(int argc, char **argv, const std::vector<const char *> &fragments, FuzzEntry entry)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [ITERATIONS] [SEED]\n", argv[0]);
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const long iterations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 2000;
    Random random(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1);

    std::vector<QByteArray> corpus;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            corpus.push_back(f.readAll());
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "no seeds in %s\n", argv[1]);
        return 1;
    }
    for (const QByteArray &seed : corpus)
        entry(reinterpret_cast<const uint8_t *>(seed.constData()), size_t(seed.size()));
    for (long i = 0; i < iterations; ++i) {
        const QByteArray input = mutate(corpus[random.below(corpus.size())], random, corpus, fragments);
        entry(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::printf("%zu seeds and %ld mutations ran clean\n", corpus.size(), iterations);
    return 0;
}

} // namespace helios::test
