#!/usr/bin/env bash
# Breadth and agreement of the rules on the labelled data beside the repository (../shared/labeled): runs
# LabeledBreadthTests and prints its report (the figures of docs/rules.md, then per check, then the resources no rule
# speaks to). Needs ../shared with corpus/ and labeled/; the test is skipped, saying so, without it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Attest.Evidence.Tests -c Release -nologo -clp:ErrorsOnly
dotnet test tests/Attest.Evidence.Tests -c Release --no-build --filter "FullyQualifiedName~LabeledBreadthTests" --logger "console;verbosity=minimal"
cat tests/Attest.Evidence.Tests/bin/Release/net10.0/artifacts/labeled-breadth.md
