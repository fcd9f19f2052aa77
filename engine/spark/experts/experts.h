// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/expert.h"

#include <memory>

// One factory per family, each in <family>_expert.cpp; expert_registry.cpp holds one
// instance of each for expertFor().
namespace helios::spark {

std::unique_ptr<Expert> makeButtonExpert();
std::unique_ptr<Expert> makeTextFieldExpert();
std::unique_ptr<Expert> makeSelectExpert();
std::unique_ptr<Expert> makeChoiceExpert();
std::unique_ptr<Expert> makeCardExpert();
std::unique_ptr<Expert> makeDialogExpert();
std::unique_ptr<Expert> makeNavigationBarExpert();
std::unique_ptr<Expert> makeTabsExpert();
std::unique_ptr<Expert> makeTableExpert();
std::unique_ptr<Expert> makeListExpert();
std::unique_ptr<Expert> makeAlertExpert();
std::unique_ptr<Expert> makeBadgeExpert();
std::unique_ptr<Expert> makeHeroExpert();
std::unique_ptr<Expert> makeLayoutExpert();
std::unique_ptr<Expert> makePaginationExpert();
std::unique_ptr<Expert> makeAccordionExpert();
std::unique_ptr<Expert> makeTooltipExpert();

} // namespace helios::spark
