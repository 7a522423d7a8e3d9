"""`python -m archmodel.synth.schemes NAME OUT`."""

from archmodel.synth.schemes import main

raise SystemExit(main())
