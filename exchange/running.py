"""Running an import job: read, check and write, recording each stage on the job so the
officer's page can show how far it has got. Used inline for small files, by the
background task for large ones, and by the management command."""

from datetime import date

from django.utils import timezone

from .models import ImportJob
from .planning import Options, Plan, plan_import
from .reading import UnreadableFile, read_table
from .services import ImportResult, import_commit


def options_from_job(job: ImportJob) -> Options:
    saved = job.options or {}
    columns = saved.get("columns")
    return Options(
        columns={int(k): v for k, v in columns.items()} if columns is not None else None,
        status_map=saved.get("status_map", {}),
        decision_map=saved.get("decision_map", {}),
        committee=saved.get("committee", ""),
        report=saved.get("report", ""),
        report_date=date.fromisoformat(saved["report_date"]) if saved.get("report_date") else None,
    )


def job_plan(job: ImportJob) -> Plan:
    """The plan for the job's file with its options; UnreadableFile if it cannot be read."""
    table = read_table(bytes(job.content), job.filename, job.sheet or None)
    return plan_import(table, options_from_job(job))


def _stage(job: ImportJob, stage: str, **fields) -> None:
    job.stage = stage
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=["stage", *fields])


def run_import(job: ImportJob) -> ImportResult | None:
    """Check and write the job's file. The job says how it went."""
    _stage(job, "Reading the file", state=ImportJob.State.RUNNING)
    try:
        plan = job_plan(job)
    except UnreadableFile as error:
        _stage(
            job, "", state=ImportJob.State.FAILED, summary=str(error), finished_at=timezone.now()
        )
        return None
    if not plan.is_clean:
        summary = "\n".join(str(problem) for problem in plan.problems[:200])
        _stage(job, "", state=ImportJob.State.FAILED, summary=summary, finished_at=timezone.now())
        return None
    _stage(
        job,
        f"Writing {len(plan.recommendations):,} recommendations",
        rows_total=plan.rows_read,
    )
    result = import_commit(plan=plan, job=job, user=job.created_by)
    _stage(
        job,
        "",
        state=ImportJob.State.DONE,
        summary=str(result),
        created_count=result.recommendations,
        already_imported_count=result.already_imported,
        finished_at=timezone.now(),
        content=b"",
    )
    return result
