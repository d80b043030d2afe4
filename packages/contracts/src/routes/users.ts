import { IdParamsSchema, OkSchema, listOf } from '../common';
import {
  UserCreateInputSchema, UserListQuerySchema, UserResetPasswordInputSchema, UserUpdateInputSchema, UserViewSchema,
} from '../admin';
import { defineRoutes } from '../route-table';

const tags = ['users 用户'] as const;

export const usersApi = defineRoutes({
  list: { method: 'GET', path: '/api/users', summary: '用户列表', tags, query: UserListQuerySchema, response: { 200: listOf(UserViewSchema) } },
  get: { method: 'GET', path: '/api/users/:id', summary: '用户详情', tags, params: IdParamsSchema, response: { 200: UserViewSchema } },
  create: {
    method: 'POST', path: '/api/users', summary: '新建用户', tags, errors: ['user.username_taken', 'auth.password_weak'],
    body: UserCreateInputSchema, response: { 201: UserViewSchema },
  },
  update: {
    method: 'PATCH', path: '/api/users/:id', summary: '修改用户', tags, errors: ['user.cannot_modify_self'],
    params: IdParamsSchema, body: UserUpdateInputSchema, response: { 200: UserViewSchema },
  },
  resetPassword: {
    method: 'POST', path: '/api/users/:id/reset-password', summary: '重置用户密码', tags, errors: ['auth.password_weak'],
    params: IdParamsSchema, body: UserResetPasswordInputSchema, response: { 200: OkSchema },
  },
  unlock: {
    method: 'POST', path: '/api/users/:id/unlock', summary: '解除用户锁定', tags, errors: ['resource.conflict'],
    params: IdParamsSchema, response: { 200: UserViewSchema },
  },
});
