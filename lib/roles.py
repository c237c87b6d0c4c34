"""Who is signed in and what they may do (pure: no Streamlit).

Three roles, each including the one before: a viewer reads every page and downloads its tables; an analyst also
uploads data; an administrator also rolls data back and reads the audit trail. What a role may do is asked through
the flags below (`role.uploads`, `role.rolls_back`, `role.reads_audit`), never by comparing names in the pages.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from lib.settings import OidcSettings


class Role(IntEnum):
    VIEWER = 1
    ANALYST = 2
    ADMINISTRATOR = 3

    @property
    def label_key(self) -> str:
        """The i18n key of the role's name."""
        return f"role.{self.name.lower()}"

    @property
    def uploads(self) -> bool:
        return self >= Role.ANALYST

    @property
    def rolls_back(self) -> bool:
        return self >= Role.ADMINISTRATOR

    @property
    def reads_audit(self) -> bool:
        return self >= Role.ADMINISTRATOR

    @classmethod
    def named(cls, name: str) -> Role:
        return cls[name.strip().upper()]


@dataclass(frozen=True)
class Identity:
    """A signed-in person (or, without access control, nobody in particular)."""
    user: str  # who: the provider's e-mail or subject, "password" for the shared password, "" without sign-in
    role: Role
    method: str  # "oidc", "password" or "none"


NOBODY = Identity("", Role.VIEWER, "none")  # without access control: pages and downloads, no data management


def _claim_values(claim: object) -> list[str]:
    """A claim as a list of strings: providers send a list, a space- or comma-separated string, or one value."""
    if claim is None:
        return []
    if isinstance(claim, str):
        return [word for word in claim.replace(",", " ").split() if word]
    if isinstance(claim, Iterable):
        return [str(value) for value in claim]
    return [str(claim)]


def role_from_claims(claims: Mapping[str, object], oidc: OidcSettings) -> Role | None:
    """The highest role any of the user's groups grants; None when no group grants one (not authorised)."""
    groups = set(_claim_values(claims.get(oidc.role_claim)))
    granted = [Role.named(name) for name, values in oidc.role_groups if groups & set(values)]
    return max(granted) if granted else None


def identity_from_claims(claims: Mapping[str, object], oidc: OidcSettings) -> Identity | None:
    """The identity of a user signed in through the provider; None when their claims grant no role."""
    role = role_from_claims(claims, oidc)
    if role is None:
        return None
    user = str(claims.get("email") or claims.get("preferred_username") or claims.get("sub") or "")
    return Identity(user, role, "oidc")
