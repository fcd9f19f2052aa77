# SPDX-License-Identifier: Apache-2.0
# cmake -DTRAIN=<tsv> -DHELDOUT=<tsv> -DOUTPUT=<cpp> -P embed_corpus.cmake
# Writes the two corpus files as raw string literals that router_corpus.cpp declares.
set(delimiter "helios_corpus")
set(body "// SPDX-License-Identifier: Apache-2.0\n// Generated from resources/spark/*.tsv by engine/spark/router/embed_corpus.cmake. Do not edit.\n\nnamespace helios::spark::corpus_data {\n")
foreach(pair "trainTsv;${TRAIN}" "heldoutTsv;${HELDOUT}")
  list(GET pair 0 name)
  list(GET pair 1 file)
  file(READ "${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw string delimiter )${delimiter}\"")
  endif()
  string(APPEND body "extern const char ${name}[];\nconst char ${name}[] = R\"${delimiter}(${content})${delimiter}\";\n")
endforeach()
string(APPEND body "} // namespace helios::spark::corpus_data\n")
# Written only when it changes, so touching a .tsv without editing it recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${body}")
  file(WRITE "${OUTPUT}" "${body}")
endif()
