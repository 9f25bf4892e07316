import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AddTeamMemberRequest,
  type TeamMember,
  type UpdateTeamMemberRequest,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

export const TEAM_URL = '/api/team';

export function teamMemberUrl(id: string): string {
  return `${TEAM_URL}/${encodeURIComponent(id)}`;
}

/** Typed access to `/api/team` (admins and owners). */
@Injectable({ providedIn: 'root' })
export class TeamApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<TeamMember[]> {
    return this.http.get<TeamMember[]>(TEAM_URL);
  }

  add(request: AddTeamMemberRequest): Observable<TeamMember> {
    return this.http.post<TeamMember>(TEAM_URL, request);
  }

  updateRole(id: string, request: UpdateTeamMemberRequest): Observable<TeamMember> {
    return this.http.patch<TeamMember>(teamMemberUrl(id), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(teamMemberUrl(id));
  }
}
