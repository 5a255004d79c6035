from benchmarks.__main__ import main


def test_help_says_what_each_benchmark_takes_and_runs_nothing(capsys):
    assert main(["pages", "--help"]) == 0

    printed = capsys.readouterr().out
    assert "--- pages ---" in printed
    assert "[--size=1000]" in printed
    assert "Board papers benchmark" not in printed


def test_an_option_no_chosen_benchmark_takes_stops_the_run_and_says_so(capsys):
    assert main(["pages", "--sizes=200"]) == 2

    printed = capsys.readouterr().out
    assert "takes the option --sizes=200" in printed
    assert "--size=" in printed


def test_an_unknown_benchmark_stops_the_run(capsys):
    assert main(["pages", "100000"]) == 2

    assert "Unknown benchmark(s): 100000" in capsys.readouterr().out
