"""WeasyPrint never fetches over the network, and a paper cannot hang a worker."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from papers.narrative import numbered, split_paragraphs
from papers.pdf import (
    BASE_URL,
    PaperRenderError,
    PaperTimeoutError,
    RefusedURLError,
    StaticFileFetcher,
    StaticFiles,
    html_to_pdf,
)
from papers.rendering import static_files
from tests.papers.conftest import pdf_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fetcher(tmp_path):
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "print.css").write_text("p { color: red }")
    (tmp_path / "secret.txt").write_text("not static")
    return StaticFileFetcher(StaticFiles("/static/", (tmp_path / "static-root-missing", tmp_path)))


class TestStaticFileFetcher:
    def test_serves_static_files_from_disk(self, fetcher):
        response = fetcher.fetch(f"{BASE_URL}static/papers/print.css")
        assert response.read() == b"p { color: red }"
        assert response.content_type == "text/css"

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/tracker.png",
            "http://example.com/static/papers/print.css",
            "http://169.254.169.254/latest/meta-data/",
            "file:///etc/passwd",
            "data:text/css,p{}",
            "ftp://example.com/x",
            f"{BASE_URL}media/upload.png",
        ],
    )
    def test_refuses_anything_else(self, fetcher, url):
        with pytest.raises(RefusedURLError):
            fetcher.fetch(url)

    @pytest.mark.parametrize(
        "path", ["static/../secret.txt", "static/%2e%2e/secret.txt", "static//etc/passwd"]
    )
    def test_refuses_to_leave_the_static_folders(self, fetcher, path, tmp_path):
        with pytest.raises((RefusedURLError, FileNotFoundError)):
            fetcher.fetch(BASE_URL + path)

    def test_a_paper_asking_for_the_network_is_made_without_it(self, monkeypatch):
        import socket

        def no_network(*args, **kwargs):
            raise AssertionError("WeasyPrint tried the network")

        monkeypatch.setattr(socket, "create_connection", no_network)
        monkeypatch.setattr(socket.socket, "connect", no_network)
        html = (
            '<html lang="en-GB"><head><title>T</title>'
            '<link rel="stylesheet" href="https://example.com/evil.css"></head>'
            '<body><p>Body text</p><img src="http://example.com/pixel.png" alt="">'
            '<img src="file:///etc/hostname" alt=""></body></html>'
        )
        pdf = html_to_pdf(html, static_files(), timeout=None)
        assert "Body text" in pdf_text(pdf)


class TestTimeLimit:
    def test_a_slow_paper_is_stopped(self):
        html = "<html><body>" + "<p>paragraph</p>" * 20000 + "</body></html>"
        with pytest.raises(PaperTimeoutError):
            html_to_pdf(html, static_files(), timeout=0.5)

    def test_a_failure_in_the_renderer_is_reported(self):
        with pytest.raises(PaperRenderError, match="TypeError"):
            html_to_pdf(None, static_files(), timeout=30)

    def test_a_paper_in_time_comes_back(self):
        pdf = html_to_pdf("<p>Quick</p>", static_files(), timeout=30)
        assert "Quick" in pdf_text(pdf)


class TestRendererStart:
    def test_the_renderer_has_weasyprint_loaded_whatever_the_working_directory(self, tmp_path):
        # As a service started in / or `manage.py render_paper` run by cron: the project
        # is on sys.path but is not the working directory.
        script = textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(ROOT)!r})
            from papers import pdf

            if __name__ == "__main__":
                check = "import sys; sys.exit(0 if 'weasyprint' in sys.modules else 3)"
                process = pdf._context().Process(target=exec, args=(check,))
                process.start()
                process.join()
                sys.exit(process.exitcode)
            """
        )
        result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, timeout=60)
        assert result.returncode == 0, "each paper's process imported WeasyPrint again"


class TestNarrative:
    def test_paragraphs_are_numbered_and_bullets_kept(self):
        text = "First.\n\nSecond, on:\n- one; and\n- two.\n\n\n- three.\n\nThird\ncontinued."
        paragraphs = numbered("2", text)

        assert [p.number for p in paragraphs] == ["2.1", "2.2", "2.3"]
        assert paragraphs[1].text == "Second, on:"
        assert paragraphs[1].bullets == ["one; and", "two.", "three."]
        assert paragraphs[2].text == "Third continued."

    def test_summary_numbers_and_empty_text(self):
        assert [p.number for p in numbered("", "A\n\nB")] == ["1.", "2."]
        assert numbered("3", "   ") == []
        assert split_paragraphs("\r\nA\r\n\r\nB") == [("A", []), ("B", [])]
        assert [p.number for p in numbered("3.2", "A\n\nB", start=1)] == ["3.2.1", "3.2.2"]


def test_fonts_are_shipped_with_their_licence():
    fonts = ROOT / "static" / "papers" / "fonts"
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (fonts / f"LiberationSans-{face}.ttf").is_file()
    assert "SIL Open Font License" in (fonts / "LICENSE.txt").read_text()
