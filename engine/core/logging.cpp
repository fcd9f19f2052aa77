// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "helios.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "helios.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "helios.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBus, "helios.bus", QtInfoMsg)
Q_LOGGING_CATEGORY(lcArtifacts, "helios.artifacts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSlate, "helios.slate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIgnition, "helios.ignition", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSpark, "helios.spark", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIgnis, "helios.ignis", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWaypoint, "helios.waypoint", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLanding, "helios.landing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "helios.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "helios.app", QtInfoMsg)
