import csv
import io

from django import forms
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from core.forms import GovukErrorMessagesMixin

from .models import Role, User
from .services import Invitation

# The directorate model, without importing the record's app (a layer above this one).
Directorate = User._meta.get_field("directorate").related_model

DIRECTOR_NEEDS_DIRECTORATE = "Choose the directorate of a director or delegated officer"
CSV_MAX_BYTES = 512 * 1024
CSV_MAX_ROWS = 500
CSV_COLUMNS = ["first name", "last name", "email", "role", "directorate"]
CSV_REQUIRED = {"first name", "last name", "email"}


class InvitationForm(GovukErrorMessagesMixin, forms.Form):
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Their council email: signing in with the council account finds them by it.",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=[("", "No role yet (sees what the public sees)"), *Role.choices],
        required=False,
    )
    directorate = forms.ModelChoiceField(
        label="Directorate",
        queryset=Directorate.objects.order_by("name"),
        required=False,
        help_text="For a director or delegated officer: the directorate whose responses they write.",
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone with this email address already has an account")
        return email

    def clean(self):
        cleaned = super().clean()
        director = cleaned.get("role") == Role.DIRECTORATE
        if director and not cleaned.get("directorate") and "directorate" not in self.errors:
            self.add_error("directorate", DIRECTOR_NEEDS_DIRECTORATE)
        return cleaned

    def invitation(self) -> Invitation:
        data = self.cleaned_data
        return Invitation(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            role=data["role"],
            directorate=data["directorate"],
        )


def _role_code(text: str) -> str | None:
    """'officer', 'Scrutiny officer', 'director', 'member'… as the role's code."""
    wanted = text.strip().lower()
    if not wanted:
        return ""
    for code, label in Role.choices:
        if wanted in {code, label.lower()}:
            return code
    return {"director": Role.DIRECTORATE, "delegated officer": Role.DIRECTORATE}.get(wanted)


class InvitationCsvForm(GovukErrorMessagesMixin, forms.Form):
    """Many invitations at once. Each row is checked by InvitationForm, so a row is
    refused for exactly what the one-person page would refuse; one bad row invites nobody."""

    file = forms.FileField(
        label="CSV file",
        help_text="Columns: first name, last name, email, and optionally role (scrutiny "
        "officer, director, member) and directorate (its name). The first row names the "
        "columns. At most 500 people.",
    )

    def clean_file(self) -> list[Invitation]:
        upload = self.cleaned_data["file"]
        if upload.size > CSV_MAX_BYTES:
            raise forms.ValidationError("The file must be 512 KB or smaller")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "The file must be a CSV saved as UTF-8 (in Excel: CSV UTF-8)"
            ) from error
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = [row for row in reader if any(cell.strip() for cell in row)]
        if not rows:
            raise forms.ValidationError("The file is empty")
        header = [cell.strip().lower().replace("_", " ") for cell in rows[0]]
        unknown = [name for name in header if name not in CSV_COLUMNS]
        missing = sorted(CSV_REQUIRED - set(header))
        if unknown or missing:
            parts = []
            if missing:
                parts.append(f"it has no {', '.join(missing)} column")
            if unknown:
                parts.append(f"column {', '.join(repr(name) for name in unknown)} is not known")
            raise forms.ValidationError(
                f"Row 1 must name the columns: {'; '.join(parts)}. Expected: "
                + ", ".join(CSV_COLUMNS)
            )
        if len(rows) - 1 > CSV_MAX_ROWS:
            raise forms.ValidationError(f"The file has more than {CSV_MAX_ROWS} people")
        if len(rows) == 1:
            raise forms.ValidationError("The file names the columns but lists nobody")
        directorates = {d.name.lower(): d.pk for d in Directorate.objects.all()}
        invitations, errors, seen = [], [], {}
        for number, row in enumerate(rows[1:], start=2):
            if len(row) > len(header):
                errors.append(f"Row {number}: it has more cells than there are columns")
                continue
            values = dict(zip(header, [cell.strip() for cell in row], strict=False))
            role = _role_code(values.get("role", ""))
            if role is None:
                errors.append(f"Row {number}, column role: '{values['role']}' is not a role")
                continue
            directorate_name = values.get("directorate", "")
            directorate = directorates.get(directorate_name.lower()) if directorate_name else ""
            if directorate is None:
                errors.append(
                    f"Row {number}, column directorate: there is no directorate "
                    f"'{directorate_name}'"
                )
                continue
            form = InvitationForm(
                {
                    "first_name": values.get("first name", ""),
                    "last_name": values.get("last name", ""),
                    "email": values.get("email", ""),
                    "role": role,
                    "directorate": directorate,
                }
            )
            if not form.is_valid():
                for field, messages in form.errors.items():
                    column = field.replace("_", " ")
                    errors += [f"Row {number}, column {column}: {m}" for m in messages]
                continue
            email = form.cleaned_data["email"].lower()
            if email in seen:
                errors.append(f"Row {number}, column email: the same address as row {seen[email]}")
                continue
            seen[email] = number
            invitations.append(form.invitation())
        if errors:
            raise forms.ValidationError(
                errors[:20] + ([f"… and {len(errors) - 20} more"] if len(errors) > 20 else [])
            )
        return invitations


class _KeepsPasswords:
    """A refused form shows the passwords typed, rather than making the administrator
    type them again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.render_value = True


class UserAddForm(_KeepsPasswords, AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ["username", "email", "role", "directorate"]


class UserEditForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
