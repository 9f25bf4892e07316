import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import {
  ADMIN_ROUTES,
  TEAM_ROLES,
  type TeamMember,
  type TeamRole,
  roleAtLeast,
  TWITCH_LOGIN_PATTERN,
} from '@integron/contracts';
import { finalize, of } from 'rxjs';

import { fieldErrorsOf } from '../../core/api-error.util';
import { BusyIds } from '../../core/busy-ids';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { roleLabel } from '../../core/role.util';
import { SessionService } from '../../core/session.service';
import { confirmAction, confirmThen } from '../../shared/confirm-dialog.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { TeamApiService } from './team-api.service';

interface RoleOption {
  value: TeamRole;
  label: string;
}

const ROLE_OPTIONS: readonly RoleOption[] = TEAM_ROLES.map((value) => ({
  value,
  label: roleLabel(value),
}));

/** One line of the table, with what the signed-in member may do to that person. */
export interface MemberRow {
  member: TeamMember;
  roleLabel: string;
  isMe: boolean;
  /** The roles its select offers; empty when the signed-in member may not change it. */
  roleOptions: readonly RoleOption[];
  mayRemove: boolean;
}

/** Who is on the team: invite by Twitch login, change roles, remove. */
@Component({
  selector: 'app-team',
  imports: [
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    MatTooltip,
    ReactiveFormsModule,
  ],
  templateUrl: './team.component.html',
  styleUrl: './team.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamComponent {
  private readonly api = inject(TeamApiService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly inviteDirective = viewChild.required(FormGroupDirective);

  protected readonly title = ADMIN_ROUTES.team.title;
  protected readonly columns = ['login', 'displayName', 'role', 'lastSignInAt', 'actions'];
  protected readonly members = pageData(this.api.list());
  protected readonly busy = new BusyIds();
  protected readonly inviting = signal(false);

  /** Only owners make owners. */
  protected readonly grantableRoles = computed(() =>
    ROLE_OPTIONS.filter(
      (option) => option.value !== 'owner' || this.session.member()?.role === 'owner',
    ),
  );

  protected readonly rows = computed((): MemberRow[] | null => {
    const members = this.members.value();
    const me = this.session.member();
    if (members === null || me === null) {
      return null;
    }
    return members.map((member) => {
      // Mirrors the server: only an owner changes or removes an owner; nobody removes themselves.
      const mayManage = member.role !== 'owner' || me.role === 'owner';
      const isMe = member.id === me.id;
      return {
        member,
        roleLabel: roleLabel(member.role),
        isMe,
        roleOptions: mayManage ? this.grantableRoles() : [],
        mayRemove: mayManage && !isMe,
      };
    });
  });

  protected readonly inviteForm = new FormGroup({
    login: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TWITCH_LOGIN_PATTERN)],
    }),
    role: new FormControl<TeamRole>('moderator', { nonNullable: true }),
  });

  protected invite(): void {
    if (this.inviteForm.invalid || this.inviting()) {
      this.inviteForm.markAllAsTouched();
      return;
    }
    const request = this.inviteForm.getRawValue();
    this.inviting.set(true);
    this.api
      .add(request)
      .pipe(finalize(() => this.inviting.set(false)))
      .subscribe({
        next: (added) => {
          this.members.update((members) => [...members, added]);
          this.inviteDirective().resetForm();
          this.notify.done(
            `Added ${added.login} as ${roleLabel(added.role)}. They can sign in with Twitch now.`,
          );
        },
        error: (error: unknown) => {
          const loginProblem = fieldErrorsOf(error).find((problem) => problem.field === 'login');
          if (loginProblem) {
            this.inviteForm.controls.login.setErrors({ server: sentence(loginProblem.message) });
            this.inviteForm.controls.login.markAsTouched();
            return;
          }
          this.notify.failed(`Could not add ${request.login}`, error);
        },
      });
  }

  /** `select` is put back to the saved role when the change is called off or refused. */
  protected changeRole(row: MemberRow, role: TeamRole, select: MatSelect): void {
    const { member } = row;
    const lowersOwnRole = row.isMe && !roleAtLeast(role, member.role);
    const confirmed = lowersOwnRole
      ? confirmAction(this.dialog, {
          title: 'Lower your own role?',
          message: `As ${roleLabel(role)} you may lose access to pages you use now, this one included. Only someone else can raise your role again.`,
          confirmLabel: `Become ${roleLabel(role)}`,
        })
      : of(true);
    confirmed.subscribe((yes) => {
      if (!yes) {
        select.value = member.role;
        return;
      }
      this.busy.track(member.id, this.api.updateRole(member.id, { role })).subscribe({
        next: (updated) => {
          this.members.update((members) =>
            members.map((each) => (each.id === updated.id ? updated : each)),
          );
          this.notify.done(`${updated.login} is now ${roleLabel(updated.role)}.`);
          if (row.isMe) {
            // The sidenav and this page's access follow the new role.
            void this.session.refresh();
          }
        },
        error: (error: unknown) => {
          select.value = member.role;
          this.notify.failed(`Could not change the role of ${member.login}`, error);
        },
      });
    });
  }

  protected remove(row: MemberRow): void {
    const { member } = row;
    confirmThen(
      this.dialog,
      {
        title: `Remove ${member.login}?`,
        message: `${member.login} can no longer sign in, and is signed out everywhere now. You can add them again later.`,
        confirmLabel: 'Remove',
      },
      () => this.busy.track(member.id, this.api.remove(member.id)),
    ).subscribe({
      next: () => {
        this.members.update((members) => members.filter((each) => each.id !== member.id));
        this.notify.done(`Removed ${member.login} from the team.`);
      },
      error: (error: unknown) => this.notify.failed(`Could not remove ${member.login}`, error),
    });
  }
}

/** `no such user` → `No such user.` */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.!]$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
